using System.Globalization;
using Catwalk.Store;
using Microsoft.AspNetCore.Http;

namespace Catwalk.Dashboard.Data;

/// <summary>
/// What the views and exports show: dates (UTC days, both ends included), model, run, person, outfit — applied by
/// the store's query — and the image axes (image model, camera angle) of runs that compare them, applied by
/// <see cref="DashboardData"/> to what the store returned. The same query string (<c>?from=2025-01-31&amp;model=veo3</c>) drives pages and exports.
/// </summary>
public sealed record DashboardFilter
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Model { get; init; }
    public string? Run { get; init; }
    public string? Person { get; init; }
    public string? Outfit { get; init; }
    /// <summary>The image model: an image job's own, a video's input image's (<see cref="ImageAxes"/>).</summary>
    public string? ImageModel { get; init; }
    /// <summary>The camera angle's word ("three-quarter").</summary>
    public string? Angle { get; init; }

    public bool IsEmpty => this == new DashboardFilter();

    public JobQuery ToJobQuery() => new()
    {
        From = From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        To = To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        Models = Model is { } model ? [model] : null,
        RunId = Run,
        PersonId = Person,
        OutfitId = Outfit,
    };

    /// <summary>Whether the image axes filter anything (they need each video's image, so are applied after the store's query).</summary>
    public bool FiltersImageAxes => ImageModel is not null || Angle is not null;

    public static DashboardFilter Parse(string? from, string? to, string? model, string? run, string? person, string? outfit, string? imageModel = null, string? angle = null) => new()
    {
        From = Date(from),
        To = Date(to),
        Model = Text(model),
        Run = Text(run),
        Person = Text(person),
        Outfit = Text(outfit),
        ImageModel = Text(imageModel),
        Angle = Text(angle),
    };

    public static DashboardFilter FromQuery(IQueryCollection query) =>
        Parse(query["from"], query["to"], query["model"], query["run"], query["person"], query["outfit"], query["image_model"], query["angle"]);

    /// <summary>The query string for this filter, starting with '?' (empty when nothing is filtered).</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value) { if (value is not null) parts.Add($"{name}={Uri.EscapeDataString(value)}"); }
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("model", Model);
        Add("run", Run);
        Add("person", Person);
        Add("outfit", Outfit);
        Add("image_model", ImageModel);
        Add("angle", Angle);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
