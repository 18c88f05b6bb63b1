using Catwalk.Dashboard.Launch;
using Catwalk.Domain;
using Catwalk.Testing;

namespace Catwalk.Dashboard.Tests.Launch;

public sealed class UploadFolderTests
{
    [Fact]
    public async Task A_good_image_is_kept_under_uploads()
    {
        using var root = new TempDirectory();
        var uploads = new UploadFolder(root.Path);
        Path.GetDirectoryName(uploads.Path).ShouldBe(Path.Combine(root.Path, "uploads"));
        await using var png = File.OpenRead(TestImages.WritePng(Path.Combine(root.Path, "p.png"), 128, 192));
        var (path, error) = await uploads.SaveAsync(ReferenceRole.Person, "../../me.png", png);
        error.ShouldBeNull();
        path.ShouldNotBeNull().ShouldStartWith(uploads.Path + Path.DirectorySeparatorChar);
        File.Exists(path).ShouldBeTrue();
        Path.GetFileName(path).ShouldEndWith("-me.png");
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_with_a_clear_message_and_not_kept()
    {
        using var root = new TempDirectory();
        var uploads = new UploadFolder(root.Path);
        using var text = new MemoryStream("not a picture at all"u8.ToArray());
        var (path, error) = await uploads.SaveAsync(ReferenceRole.Outfit, "notes.png", text);
        path.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("notes.png");
        error.ShouldContain("not a PNG, JPEG or WebP");
        error.ShouldNotContain(uploads.Path);
        Directory.GetFiles(uploads.Path).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("me.png", "me.png")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\evil name;.jpg", "evil_name_.jpg")]
    [InlineData("...", "image")]
    public void File_names_are_made_safe(string name, string expected) => UploadFolder.Safe(name).ShouldBe(expected);
}
