namespace Catwalk.Catalog;

/// <summary>An <see cref="OutputMedia"/>'s word: its key in a model's result and in catalog files.</summary>
public static class OutputMediaNames
{
    extension(OutputMedia media)
    {
        /// <summary>"video" or "images", as catalog files spell it.</summary>
        public string Name() => media switch
        {
            OutputMedia.Video => "video",
            OutputMedia.Images => "images",
            _ => throw new ArgumentOutOfRangeException(nameof(media), media, null),
        };
    }
}
