namespace Catwalk.Manifests.Reading;

/// <summary>
/// Reads the <c>people</c>, <c>outfits</c> and <c>settings</c> lists. An item is written in the manifest or is
/// <c>csv: file.csv</c>, whose rows are items with the same fields as columns; both are read by the same code.
/// </summary>
internal sealed class EntryReader(SourceFile manifest)
{
    public static readonly string[] PersonKeys = ["id", "image", "face", "height", "weight", "gender", "age"];
    public static readonly string[] OutfitKeys = ["id", "images", "image", "garments", "apparel"];
    public static readonly string[] SettingKeys = ["id", "setting", "cues", "description"];

    public IReadOnlyList<PersonEntry> People(YamlFields root)
    {
        var people = Items(root, "people", PersonKeys, ["image"], "a person, e.g. people: [{ image: people/ana.jpg }]").Select(Person).ToList();
        ManifestValidator.UniqueIds(people, "people");
        return people;
    }

    public IReadOnlyList<OutfitEntry> Outfits(YamlFields root)
    {
        var outfits = Items(root, "outfits", OutfitKeys, ["images", "image"], "an outfit, e.g. outfits: [{ images: [top.png, shoes.png] }]").Select(Outfit).ToList();
        ManifestValidator.UniqueIds(outfits, "outfits");
        return outfits;
    }

    /// <summary>The settings; one "default" setting when the manifest lists none.</summary>
    public IReadOnlyList<SettingEntry> Settings(YamlFields root)
    {
        if (!root.Has("settings")) return [SettingEntry.Default(root.At("settings"))];
        var settings = Items(root, "settings", SettingKeys, csvRequired: null, "a setting, or leave settings out").Select(Setting).ToList();
        ManifestValidator.UniqueIds(settings, "settings");
        return settings;
    }

    /// <summary>The list's items as fields, a csv item replaced by its rows.</summary>
    /// <param name="csvRequired">Columns of which a CSV of these must have one; null when this list takes no CSV.</param>
    private List<(IFields Fields, int Index)> Items(YamlFields root, string list, string[] keys, string[]? csvRequired, string example)
    {
        var items = root.Sequence(list) ?? throw root.At(list).Error($"is missing; list at least {example}");
        if (items.Count == 0) throw root.At(list).Error($"is empty; list at least {example}");
        var fields = new List<(IFields, int)>();
        foreach (var (node, path) in items)
        {
            var item = new YamlFields(node, manifest, path, csvRequired is null ? keys : [.. keys, "csv"]);
            if (item.Text("csv") is not { } csv)
            {
                fields.Add((item, fields.Count));
                continue;
            }
            if (item.Keys.FirstOrDefault(k => k != "csv") is { } other)
                throw item.At(other).Error("an item with csv: takes its fields from the CSV's columns; move this into the CSV or into an item of its own");
            foreach (var row in CsvTable.Read(csv, manifest, item.At("csv"), list, keys, csvRequired!))
                fields.Add((row, fields.Count));
        }
        return fields;
    }

    private PersonEntry Person((IFields Fields, int Index) item)
    {
        var f = item.Fields;
        var imageText = f.Text("image") ?? throw f.At("image").Error("is missing; every person needs a full photo, e.g. image: people/ana.jpg");
        var image = LocalFiles.Check(imageText, Folder(f), f.At("image"), "image");
        var face = f.Text("face") is { } faceText ? LocalFiles.Check(faceText, Folder(f), f.At("face"), "image") : null;
        var person = new Domain.PersonAttributes
        {
            HeightCm = Scalars.Number(f.Text("height"), f.At("height"), "give centimetres, e.g. height: 175"),
            WeightKg = Scalars.Number(f.Text("weight"), f.At("weight"), "give kilograms, e.g. weight: 70"),
            Age = Scalars.WholeNumber(f.Text("age"), f.At("age"), "give years, e.g. age: 30"),
            Gender = ManifestValidator.Gender(f.Text("gender"), f.At("gender")),
        };
        ManifestValidator.Person(person, f);
        var (id, idAt, derived) = Id(f, imageText, "image", "person");
        return new PersonEntry(id, idAt, derived, image, face, person);
    }

    private OutfitEntry Outfit((IFields Fields, int Index) item)
    {
        var f = item.Fields;
        if (f.Has("image") && f.Has("images"))
            throw f.At("images").Error("give either image (one picture) or images (a list), not both");
        var key = f.Has("image") ? "image" : "images";
        var written = f.List(key);
        if (written is null or { Count: 0 })
            throw f.At("images").Error("is missing; every outfit needs at least one picture, e.g. images: [top.png, shoes.png]");
        var images = written.Select(w => LocalFiles.Check(w.Text, Folder(f), w.At, "image")).ToList().AsReadOnly();
        var (id, idAt, derived) = Id(f, written[0].Text, key, "outfit");
        return new OutfitEntry(id, idAt, derived, images, f.Text("apparel")) { Garments = Garments(f, images.Count) };
    }

    /// <summary>What each picture is (<c>garments: [top, bottom, shoes]</c>, in the pictures' order), for try-on models that dress one a call.</summary>
    private static IReadOnlyList<Catwalk.Catalog.GarmentCategory?> Garments(IFields f, int pictures)
    {
        if (f.List("garments") is not { } written) return [];
        var words = string.Join(", ", Enum.GetValues<Catwalk.Catalog.GarmentCategory>().Select(Catwalk.Catalog.GarmentCategoryNames.Name));
        if (written.Count != pictures)
            throw f.At("garments").Error($"names {written.Count} garment(s) for {pictures} picture(s); give one of {words} per picture, in the same order");
        return [.. written.Select(w => Catwalk.Catalog.GarmentCategoryNames.Parse(w.Text) ?? throw w.At.Error($"'{w.Text}' is not a kind of garment; the kinds are {words}"))];
    }

    private static SettingEntry Setting((IFields Fields, int Index) item)
    {
        var f = item.Fields;
        var (setting, cues, description) = (f.Text("setting"), f.Text("cues"), f.Text("description"));
        if (f.Text("id") is { } given) return new SettingEntry(Ids.Given(given, f.At("id")), f.At("id"), false, setting, cues, description);
        // No id: the place names it ("urban cafe, outdoor" → "urban-cafe-outdoor"), else its position.
        var id = (setting ?? description) is { } text && Ids.Slug(text, 40) is { } slug ? slug : $"setting-{item.Index + 1}";
        return new SettingEntry(id, f.At(setting is not null ? "setting" : "description"), true, setting, cues, description);
    }

    /// <summary>The written id, or one made from the file name of <paramref name="fromPath"/>.</summary>
    private static (string Id, Spot At, bool Derived) Id(IFields f, string fromPath, string fromKey, string kind) =>
        f.Text("id") is { } given
            ? (Ids.Given(given, f.At("id")), f.At("id"), false)
            : (Ids.FromFileName(fromPath, f.At(fromKey), kind), f.At(fromKey), true);

    /// <summary>Paths in a CSV are relative to the CSV, in the manifest to the manifest.</summary>
    private SourceFile Folder(IFields f) => f.Entry.File;
}
