namespace Catwalk.Catalog;

/// <summary>An <see cref="OutputMedia"/>'s word: its key in a model's result and in catalog files.</summary>
public static class OutputMediaNames
{
    extension(OutputMedia media)
    {
        /// <summary>"video", "images" or "image", as catalog files spell it.</summary>
        public string Name() => media switch
        {
            OutputMedia.Video => "video",
            OutputMedia.Images => "images",
            OutputMedia.Image => "image",
            _ => throw new ArgumentOutOfRangeException(nameof(media), media, null),
        };
    }
}
