using System.Buffers.Binary;
using System.Text;
using Bot.Host.Sources.Inbox.Linux;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Inbox;

/// <summary>The inotify watch against the real kernel, and its reading of packed event records.</summary>
public sealed class InotifyWatchTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly InotifyWatch _watch;

    public InotifyWatchTests()
    {
        Directory.CreateDirectory(_dir.Combine("watched"));
        _watch = InotifyWatch.Start(_dir.Combine("watched"));
    }

    public void Dispose()
    {
        _watch.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task FileWrittenInPlace_IsCreatedThenClosedAfterWrite()
    {
        _dir.Write("watched/a.md", "content");

        Assert.Equal(new InotifyEvent(InotifyEventKind.Created, "a.md"), await NextAsync());
        Assert.Equal(new InotifyEvent(InotifyEventKind.ClosedAfterWrite, "a.md"), await NextAsync());
    }

    [Fact]
    public async Task FileRenamedIn_IsMovedInOnly()
    {
        var staged = _dir.Write("staging/b.md", "content");

        File.Move(staged, _dir.Combine("watched", "b.md"));

        Assert.Equal(new InotifyEvent(InotifyEventKind.MovedIn, "b.md"), await NextAsync());
        _dir.Write("watched/marker", "");
        Assert.Equal(new InotifyEvent(InotifyEventKind.Created, "marker"), await NextAsync());
    }

    [Fact]
    public async Task FileOnlyRead_AndFolderCreated_SayNothing()
    {
        var staged = _dir.Write("staging/c.md", "content");
        File.Move(staged, _dir.Combine("watched", "c.md"));
        Assert.Equal(InotifyEventKind.MovedIn, (await NextAsync()).Kind);

        Assert.Equal("content", await File.ReadAllTextAsync(_dir.Combine("watched", "c.md")));
        Directory.CreateDirectory(_dir.Combine("watched", "sub"));
        _dir.Write("watched/marker", "");

        Assert.Equal(new InotifyEvent(InotifyEventKind.Created, "marker"), await NextAsync());
    }

    [Fact]
    public async Task SymbolicLink_IsCreatedOnly()
    {
        File.CreateSymbolicLink(_dir.Combine("watched", "link.md"), "/etc/hostname");
        _dir.Write("watched/marker", "");

        Assert.Equal(new InotifyEvent(InotifyEventKind.Created, "link.md"), await NextAsync());
        Assert.Equal(new InotifyEvent(InotifyEventKind.Created, "marker"), await NextAsync());
    }

    [Fact]
    public async Task FolderDeleted_WatchEndsAndTheEventsComplete()
    {
        Directory.Delete(_dir.Combine("watched"));

        Assert.Equal(InotifyEventKind.Ended, (await NextAsync()).Kind);
        await _watch.Events.Completion.WaitAsync(Eventually.DefaultLimit);
    }

    [Fact]
    public async Task Dispose_WhileWaitingForEvents_EndsTheReader()
    {
        var waiting = _watch.Events.WaitToReadAsync().AsTask();

        _watch.Dispose();

        Assert.False(await waiting.WaitAsync(Eventually.DefaultLimit));
    }

    [Fact]
    public void Start_FolderMissing_SaysWhy()
    {
        var error = Assert.Throws<IOException>(() => InotifyWatch.Start(_dir.Combine("missing")));

        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Parse_PackedRecordsWithPaddedNames_ReadsEachInOrder()
    {
        var buffer = new byte[256];
        var length = 0;
        length = Record(buffer, length, 0x100, "new.md", padded: 16);
        length = Record(buffer, length, 0x8, "new.md", padded: 8);
        length = Record(buffer, length, 0x100 | 0x40000000, "folder", padded: 8);
        length = Record(buffer, length, 0x80, "خبر.txt", padded: 16);
        length = Record(buffer, length, 0x4000, "", padded: 0);
        length = Record(buffer, length, 0x8000, "", padded: 0);

        var events = InotifyWatch.Parse(buffer, length).ToList();

        Assert.Equal(
            [
                new InotifyEvent(InotifyEventKind.Created, "new.md"),
                new InotifyEvent(InotifyEventKind.ClosedAfterWrite, "new.md"),
                new InotifyEvent(InotifyEventKind.MovedIn, "خبر.txt"),
                new InotifyEvent(InotifyEventKind.Overflow),
                new InotifyEvent(InotifyEventKind.Ended),
            ],
            events);
    }

    private async Task<InotifyEvent> NextAsync()
    {
        Assert.True(await _watch.Events.WaitToReadAsync().AsTask().WaitAsync(Eventually.DefaultLimit), "an event arrives");
        Assert.True(_watch.Events.TryRead(out var next));
        return next;
    }

    private static int Record(byte[] buffer, int offset, uint mask, string name, int padded)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(offset), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(offset + 4), mask);
        BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(offset + 12), (uint)padded);
        Encoding.UTF8.GetBytes(name, buffer.AsSpan(offset + 16));
        return offset + 16 + padded;
    }
}
