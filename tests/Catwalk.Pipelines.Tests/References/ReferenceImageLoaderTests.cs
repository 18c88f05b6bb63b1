using Catwalk.Domain;
using SkiaSharp;

namespace Catwalk.Pipelines.Tests.References;

public sealed class ReferenceImageLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("catwalk-ref-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Png(string name, int width = 200, int height = 300)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Coral);
        var path = Path.Combine(_dir, name);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
        return path;
    }

    [Fact]
    public async Task A_real_png_is_loaded_with_its_size_type_and_hash()
    {
        var image = await ReferenceImageLoader.LoadAsync(ReferenceRole.Person, Png("me.png"));
        (image.Width, image.Height, image.ContentType).ShouldBe((200, 300, "image/png"));
        image.Sha256.Length.ShouldBe(64);
    }

    [Fact]
    public async Task A_png_named_jpg_is_still_recognised_by_its_bytes()
    {
        var path = Path.Combine(_dir, "photo.jpg");
        File.Move(Png("x.png"), path);
        (await ReferenceImageLoader.LoadAsync(ReferenceRole.Face, path)).ContentType.ShouldBe("image/png");
    }

    [Fact]
    public async Task A_missing_file_is_named() =>
        (await Should.ThrowAsync<InvalidInputException>(() => ReferenceImageLoader.LoadAsync(ReferenceRole.Person, Path.Combine(_dir, "nope.png"))))
            .Message.ShouldContain("person image");

    [Fact]
    public async Task A_text_file_passed_as_an_image_is_refused_saying_it_is_text()
    {
        var path = Path.Combine(_dir, "notes.png");
        await File.WriteAllTextAsync(path, "hello, this is not a picture");
        var error = await Should.ThrowAsync<InvalidInputException>(() => ReferenceImageLoader.LoadAsync(ReferenceRole.Outfit, path));
        error.Message.ShouldContain("not a PNG, JPEG or WebP image");
        error.Message.ShouldContain("text");
    }

    [Fact]
    public async Task A_truncated_png_is_refused()
    {
        var path = Path.Combine(_dir, "cut.png");
        await File.WriteAllBytesAsync(path, File.ReadAllBytes(Png("full.png"))[..20]);
        (await Should.ThrowAsync<InvalidInputException>(() => ReferenceImageLoader.LoadAsync(ReferenceRole.Person, path))).Message.ShouldContain("cannot be decoded");
    }

    [Fact]
    public async Task An_image_over_the_size_limit_is_refused_with_both_sizes()
    {
        var error = await Should.ThrowAsync<InvalidInputException>(() => ReferenceImageLoader.LoadAsync(ReferenceRole.Person, Png("big.png"), maxBytes: 100));
        error.Message.ShouldContain("fal takes images up to");
    }

    [Fact]
    public async Task A_tiny_image_is_refused_with_its_dimensions() =>
        (await Should.ThrowAsync<InvalidInputException>(() => ReferenceImageLoader.LoadAsync(ReferenceRole.Person, Png("tiny.png", 10, 10)))).Message.ShouldContain("10×10");

    [Fact]
    public async Task A_set_keeps_the_order_person_face_outfits()
    {
        var set = await ReferenceImageLoader.LoadSetAsync(Png("p.png"), Png("f.png"), [Png("o1.png"), Png("o2.png")]);
        set.All.Select(r => r.Role).ShouldBe([ReferenceRole.Person, ReferenceRole.Face, ReferenceRole.Outfit, ReferenceRole.Outfit]);
    }
}
