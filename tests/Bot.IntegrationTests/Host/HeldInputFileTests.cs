using Bot.Host.Cli;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Host;

/// <summary>A file read more than once by one command is the same file at every reading, or the command says it changed.</summary>
public sealed class HeldInputFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task OpenReader_EachReading_StartsAtTheFirstByte()
    {
        var path = _dir.Write("subscribers.csv", "\uFEFFemail\nقارئ@example.org\n");
        using var file = new HeldInputFile(path);

        string first, second;
        using (var reader = file.OpenReader()) first = await reader.ReadToEndAsync();
        using (var reader = file.OpenReader()) second = await reader.ReadToEndAsync();

        Assert.Equal("email\nقارئ@example.org\n", first);
        Assert.Equal(first, second);
        file.EnsureUnchanged("unused");
    }

    [Fact]
    public async Task OpenReader_AnotherFileRenamedOverIt_StillReadsTheFileOpened()
    {
        var path = _dir.Write("subscribers.csv", "email\nfirst@example.org\n");
        using var file = new HeldInputFile(path);
        File.Move(_dir.Write("next.csv", "email\nsecond@example.org\nthird@example.org\n"), path, overwrite: true);

        using var reader = file.OpenReader();

        Assert.Equal("email\nfirst@example.org\n", await reader.ReadToEndAsync());
        file.EnsureUnchanged("unused");
    }

    [Fact]
    public void EnsureUnchanged_FileWrittenInPlace_SaysSoAndWhatFollows()
    {
        var path = _dir.Write("subscribers.csv", "email\nfirst@example.org\n");
        using var file = new HeldInputFile(path);
        File.AppendAllText(path, "second@example.org\n");

        var error = Assert.Throws<UserErrorException>(() => file.EnsureUnchanged("nothing was written; import it again once it is complete"));

        Assert.Equal($"{path} changed while it was being read: nothing was written; import it again once it is complete", error.Message);
    }

    [Fact]
    public void EnsureUnchanged_SameLengthRewrittenLater_SaysSo()
    {
        var path = _dir.Write("subscribers.csv", "email\nfirst@example.org\n");
        using var file = new HeldInputFile(path);
        File.WriteAllText(path, "email\nfirsT@example.org\n");
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddSeconds(1));

        Assert.Throws<UserErrorException>(() => file.EnsureUnchanged("nothing was written"));
    }
}
