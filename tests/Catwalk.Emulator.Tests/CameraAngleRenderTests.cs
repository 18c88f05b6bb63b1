using Catwalk.Domain;
using Catwalk.Generation;
using Catwalk.Testing;
using SkiaSharp;

namespace Catwalk.Emulator.Tests;

/// <summary>
/// The emulator reads the camera angle from the image prompt, as a model would, and draws the person from there: one
/// look shot from four angles gives four images that differ, the back view keeps the outfit's colours but not the
/// detail a face needs, and the same angle gives the same image again.
/// </summary>
public class CameraAngleRenderTests
{
    [Fact]
    public async Task One_look_from_four_angles_gives_four_different_images_and_the_back_view_loses_the_face_detail()
    {
        await using var h = await ImageStageHarness.StartAsync();
        var person = await h.E.UploadAsync(await File.ReadAllBytesAsync(RepositoryRoot.File("assets", "samples", "person.png")));
        var face = await h.E.UploadAsync(await File.ReadAllBytesAsync(RepositoryRoot.File("assets", "samples", "face.png")));
        var outfit = await h.E.UploadAsync(TestImages.Png(200, 240, seed: 3));
        var images = new Dictionary<CameraAngle, SKBitmap>();
        foreach (var angle in Enum.GetValues<CameraAngle>())
        {
            var request = new ImageGenerationRequest($"Dress the person in the outfit. Camera angle: {angle.Phrase()}.", [person, face, outfit])
            { Roles = [ReferenceRole.Person, ReferenceRole.Face, ReferenceRole.Outfit] };
            var response = await h.Generator("nano-banana-edit").GenerateAsync(request);
            images[angle] = SKBitmap.Decode(await h.E.Http.GetByteArrayAsync(response.Images.Single().Url));
        }
        try
        {
            var angles = images.Keys.ToList();
            for (var i = 0; i < angles.Count; i++)
                for (var j = i + 1; j < angles.Count; j++)
                    MeanDifference(images[angles[i]], images[angles[j]]).ShouldBeGreaterThan(6, $"{angles[i]} and {angles[j]} look alike");
            Detail(images[CameraAngle.Back]).ShouldBeLessThan(Detail(images[CameraAngle.Front]) * 0.6, "seen from behind, the person is a blurred outline");

            var again = await h.Generator("nano-banana-edit").GenerateAsync(new ImageGenerationRequest($"Dress the person in the outfit. Camera angle: {CameraAngle.Side.Phrase()}.", [person, face, outfit])
                { Roles = [ReferenceRole.Person, ReferenceRole.Face, ReferenceRole.Outfit] });
            using var side = SKBitmap.Decode(await h.E.Http.GetByteArrayAsync(again.Images.Single().Url));
            MeanDifference(side, images[CameraAngle.Side]).ShouldBe(0);
        }
        finally
        {
            foreach (var bitmap in images.Values) bitmap.Dispose();
        }
    }

    /// <summary>Mean absolute difference of the two images' pixels, 0–255, over the picture area (above the label panel).</summary>
    private static double MeanDifference(SKBitmap a, SKBitmap b)
    {
        double sum = 0;
        var rows = (int)(a.Height * 0.76);
        for (var y = 0; y < rows; y += 2)
            for (var x = 0; x < a.Width; x += 2)
            {
                var (p, q) = (a.GetPixel(x, y), b.GetPixel(x, y));
                sum += (Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue)) / 3.0;
            }
        return sum / (rows / 2 * (a.Width / 2));
    }

    /// <summary>
    /// Mean absolute horizontal step between neighbouring pixels' brightness in the middle of the picture, where this
    /// model's layout puts the person (the face and garment references sit at the sides): how much fine detail there is.
    /// </summary>
    private static double Detail(SKBitmap image)
    {
        double sum = 0;
        var count = 0;
        for (var y = (int)(image.Height * 0.1); y < (int)(image.Height * 0.7); y += 2)
            for (var x = (int)(image.Width * 0.3); x < (int)(image.Width * 0.7); x++)
            {
                sum += Math.Abs(Brightness(image.GetPixel(x, y)) - Brightness(image.GetPixel(x - 1, y)));
                count++;
            }
        return sum / count;
    }

    private static double Brightness(SKColor c) => 0.299 * c.Red + 0.587 * c.Green + 0.114 * c.Blue;
}
