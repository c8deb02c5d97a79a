namespace Bot.Core.Admin.Replies;

/// <summary>How a chat shows a run of reply text.</summary>
public enum AdminSpanStyle
{
    Plain,

    /// <summary>A heading or a label.</summary>
    Bold,

    /// <summary>An identifier the admin may copy into the next command (an article key).</summary>
    Code,

    /// <summary>A preformatted block on lines of its own (a JSON body).</summary>
    Block,
}
