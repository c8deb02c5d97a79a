namespace Bot.Core.Articles;

/// <summary>
/// What an article arriving under a known id does to the stored one. A retraction is a tombstone on the id: the same
/// item arriving again (a feed re-poll, a re-import, an API re-post) changes nothing and sends nothing. Only an
/// explicit new version brings the article back: content that differs from every version stored so far, or a source
/// that says <c>retracted: false</c> outright (<see cref="Article.Reinstates"/>).
/// </summary>
public static class ArticleRevision
{
    public enum Verdict
    {
        /// <summary>Store it as the next version.</summary>
        NewVersion,

        /// <summary>The same content as the latest version.</summary>
        Unchanged,

        /// <summary>The article is retracted and this brings nothing new: the tombstone holds.</summary>
        StaysRetracted,

        /// <summary>The article is retracted: a new version only if this content was never stored before (ask <see cref="ContentFingerprint"/> of every version).</summary>
        NewUnlessSeen,
    }

    public static Verdict Judge(Article incoming, string fingerprint, string latestFingerprint, bool latestRetracted)
    {
        if (fingerprint == latestFingerprint) return Verdict.Unchanged;
        if (!latestRetracted) return Verdict.NewVersion;
        if (incoming.Retracted) return Verdict.StaysRetracted;
        return incoming.Reinstates ? Verdict.NewVersion : Verdict.NewUnlessSeen;
    }

    /// <summary>The fingerprint of what a reader sees, whether or not the version was retracted.</summary>
    public static string ContentFingerprint(Article article) => ArticleFingerprint.Compute(article with { Retracted = false });
}
