namespace Bot.Core.Storage;

public enum ImportStatus
{
    /// <summary>A key the store had not seen: version 1.</summary>
    Created,
    /// <summary>A known key with changed content: a new version.</summary>
    Updated,
    /// <summary>The same content as the latest version: nothing changed.</summary>
    Unchanged,
    /// <summary>
    /// The article is retracted and the incoming item is not an explicit new version (its content was stored before,
    /// or it is itself retracted): nothing changed. See <see cref="Articles.ArticleRevision"/>.
    /// </summary>
    Retracted,
}
