using System.Net.Sockets;
using Bot.Host.Sources.Inbox;
using Bot.IntegrationTests.Support;
using Xunit;

namespace Bot.IntegrationTests.Inbox;

/// <summary>The inbox's file operations on the real file system: what an entry is, opening it safely, moving without replacing.</summary>
public sealed class InboxFilesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Look_EachKindOfEntry_IsToldApartWithoutFollowingLinks()
    {
        var file = _dir.Write("file.md", "twelve bytes");
        File.CreateSymbolicLink(_dir.Combine("link.md"), file);
        File.CreateSymbolicLink(_dir.Combine("dangling.md"), _dir.Combine("nowhere"));
        Directory.CreateDirectory(_dir.Combine("folder"));
        InboxTestBed.MakeFifo(_dir.Combine("pipe.md"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(_dir.Combine("socket.md")));

        Assert.Equal((InboxFileKind.Regular, 12L), InboxFiles.Look(file) is { } f ? (f.Kind, f.Length) : default);
        Assert.Equal(InboxFileKind.SymbolicLink, InboxFiles.Look(_dir.Combine("link.md"))?.Kind);
        Assert.Equal(InboxFileKind.SymbolicLink, InboxFiles.Look(_dir.Combine("dangling.md"))?.Kind);
        Assert.Equal(InboxFileKind.Directory, InboxFiles.Look(_dir.Combine("folder"))?.Kind);
        Assert.Equal(InboxFileKind.Fifo, InboxFiles.Look(_dir.Combine("pipe.md"))?.Kind);
        Assert.Equal(InboxFileKind.Socket, InboxFiles.Look(_dir.Combine("socket.md"))?.Kind);
        Assert.Equal(InboxFileKind.Device, InboxFiles.Look("/dev/null")?.Kind);
        Assert.Null(InboxFiles.Look(_dir.Combine("missing.md")));
        Assert.Equal(File.GetLastWriteTimeUtc(file), InboxFiles.Look(file)?.LastWriteUtc);
    }

    [Fact]
    public async Task OpenRegular_Fifo_IsRefusedWithoutWaitingForAWriter()
    {
        InboxTestBed.MakeFifo(_dir.Combine("pipe.md"));

        var result = await Task.Run(() => InboxFiles.OpenRegular(_dir.Combine("pipe.md"))).WaitAsync(Eventually.DefaultLimit);

        Assert.Equal(new InboxOpenResult.Refused("a named pipe (FIFO), not a regular file"), result);
    }

    [Fact]
    public void OpenRegular_SymlinkToARegularFile_IsRefused()
    {
        File.CreateSymbolicLink(_dir.Combine("link.md"), _dir.Write("file.md", "content"));

        var result = InboxFiles.OpenRegular(_dir.Combine("link.md"));

        Assert.Equal(new InboxOpenResult.Refused("a symbolic link: the inbox takes regular files only and never follows links"), result);
    }

    [Fact]
    public void OpenRegular_Device_IsRefusedUnopened() =>
        Assert.Equal(new InboxOpenResult.Refused("a device, not a regular file"), InboxFiles.OpenRegular("/dev/zero"));

    [Fact]
    public void OpenRegular_RegularFile_OpensIt()
    {
        var path = _dir.Write("file.md", "content");

        var opened = Assert.IsType<InboxOpenResult.Opened>(InboxFiles.OpenRegular(path));
        using var handle = opened.Handle;

        Assert.Equal(7, RandomAccess.GetLength(handle));
        Assert.Equal(InboxFileKind.Regular, opened.Facts.Kind);
    }

    [Fact]
    public void OpenRegular_Missing_IsGone() =>
        Assert.IsType<InboxOpenResult.Gone>(InboxFiles.OpenRegular(_dir.Combine("missing.md")));

    [Fact]
    public void TryMoveNoReplace_TargetTaken_MovesNothing()
    {
        var from = _dir.Write("from.md", "new");
        var to = _dir.Write("to.md", "old");

        Assert.False(InboxFiles.TryMoveNoReplace(from, to));

        Assert.Equal("new", File.ReadAllText(from));
        Assert.Equal("old", File.ReadAllText(to));
    }

    [Fact]
    public void TryMoveNoReplace_TargetFree_Moves()
    {
        var from = _dir.Write("from.md", "new");

        Assert.True(InboxFiles.TryMoveNoReplace(from, _dir.Combine("to.md")));

        Assert.False(File.Exists(from));
        Assert.Equal("new", File.ReadAllText(_dir.Combine("to.md")));
    }

    [Fact]
    public void TryMoveNoReplace_Symlink_MovesTheLinkNotItsTarget()
    {
        var target = _dir.Write("target.md", "content");
        File.CreateSymbolicLink(_dir.Combine("link.md"), target);

        Assert.True(InboxFiles.TryMoveNoReplace(_dir.Combine("link.md"), _dir.Combine("moved.md")));

        Assert.Equal(target, new FileInfo(_dir.Combine("moved.md")).LinkTarget);
        Assert.Equal("content", File.ReadAllText(target));
    }

    [Fact]
    public void TryRename_SourceGone_IsFalse() =>
        Assert.False(InboxFiles.TryRename(_dir.Combine("gone.md"), _dir.Combine("claimed.md")));
}
