using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Generation;

namespace Catwalk.Fal.Generation;

/// <summary>
/// A try-on model's arguments: the person picture in its person field, at most garments-per-call garment pictures in its
/// garment field, and the garment's kind in fal's word for it. A face reference is not sent: a try-on model has no
/// face input, the person picture carries the face. Anything it cannot take is refused before anything is sent.
/// </summary>
internal static class TryOnArguments
{
    public static void Add(ModelDescriptor model, TryOnSpec tryOn, ImageGenerationRequest request, ImageGenerationOptions options, JsonObject args)
    {
        var roles = request.Roles ?? [.. request.References.Select((_, i) => i == 0 ? ReferenceRole.Person : ReferenceRole.Outfit)];
        if (roles.Count != request.References.Count)
            throw new ArgumentException($"{request.References.Count} references but {roles.Count} roles.", nameof(request));
        var person = request.References.Where((_, i) => roles[i] == ReferenceRole.Person).ToList();
        var garments = request.References.Where((_, i) => roles[i] == ReferenceRole.Outfit).ToList();
        var name = $"{model.DisplayName} ({model.Key})";
        if (person.Count != 1)
            throw new UnsupportedSettingException(model.Key, "references", $"{name} takes one person picture, not {person.Count}.");
        if (garments.Count == 0)
            throw new UnsupportedSettingException(model.Key, "references", $"{name} needs a garment picture to dress the person in.");
        if (garments.Count > tryOn.GarmentsPerCall)
            throw new UnsupportedSettingException(model.Key, "references",
                $"{name} dresses {tryOn.GarmentsPerCall} garment per call, not {garments.Count}: give one garment picture (a run chains one call per garment).");
        args[tryOn.PersonField] = person[0];
        args[tryOn.GarmentField] = model.Field(tryOn.GarmentField)?.Type == "string[]" ? new JsonArray([.. garments.Select(g => (JsonNode)g)]) : garments[0];
        if (options.GarmentCategory is not { } category) return; // the model detects the kind (its default)
        if (!tryOn.Categories.Contains(category))
            throw new UnsupportedSettingException(model.Key, "garment category", $"{name} dresses {string.Join(", ", tryOn.Categories.Select(c => c.Name()))} garments, not {category.Name()}.");
        if (tryOn.CategoryField is { } field) args[field] = tryOn.CategoryValues[category];
    }
}
