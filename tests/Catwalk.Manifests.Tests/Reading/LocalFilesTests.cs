namespace Catwalk.Manifests.Tests.Reading;

public class LocalFilesTests
{
    [Fact]
    public void A_missing_image_names_the_resolved_path_and_that_it_is_relative_to_the_manifest()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling]
            people:
              - image: ../person.png
                face: faces/ana.png
            outfits: [{ image: ../top.png }]
            """, "looks/batch.yaml");
        (error.Line, error.Field).ShouldBe((4, "people[0].face"));
        error.Message.ShouldBe(
            $"{ws.File("looks/batch.yaml")} line 4, people[0].face: image 'faces/ana.png' does not exist " +
            $"(looked for {ws.File("looks/faces/ana.png")}; relative paths are relative to the manifest's folder).");
    }

    [Fact]
    public void A_missing_outfit_image_is_pointed_at_in_its_list()
    {
        using var ws = new Workspace();
        var error = ws.Fails("""
            models: [kling]
            people: [{ image: person.png }]
            outfits:
              - images:
                  - top.png
                  - hat.png
            """);
        (error.Line, error.Field).ShouldBe((6, "outfits[0].images[1]"));
    }

    [Fact]
    public void An_absolute_path_is_used_as_it_is()
    {
        using var ws = new Workspace();
        using var elsewhere = new Workspace("me.png");
        var manifest = ws.Load($"models: [kling]\npeople: [{{ image: '{elsewhere.File("me.png")}' }}]\noutfits: [{{ image: top.png }}]\n");
        manifest.Looks[0].PersonImage.ShouldBe(elsewhere.File("me.png"));
    }

    [Fact]
    public void A_missing_absolute_path_does_not_talk_about_relative_paths()
    {
        using var ws = new Workspace();
        var error = ws.Fails("models: [kling]\npeople: [{ image: /nowhere/me.png }]\noutfits: [{ image: top.png }]\n");
        error.Message.ShouldEndWith("image '/nowhere/me.png' does not exist (looked for /nowhere/me.png).");
    }

    [Fact]
    public void A_folder_is_not_an_image()
    {
        using var ws = new Workspace();
        Directory.CreateDirectory(ws.File("people"));
        ws.Fails("models: [kling]\npeople: [{ image: people }]\noutfits: [{ image: top.png }]\n").Message.ShouldContain("image 'people' is a folder");
    }

    [Fact]
    public void A_url_is_not_a_local_file()
    {
        using var ws = new Workspace();
        ws.Fails("models: [kling]\npeople: [{ image: 'https://example.com/me.png' }]\noutfits: [{ image: top.png }]\n")
            .Message.ShouldContain("is a URL; give the path of a local image");
    }

    [NotRootFact]
    public void An_unreadable_image_says_it_cannot_be_read()
    {
        using var ws = new Workspace();
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(ws.File("person.png"), UnixFileMode.None);
        var error = ws.Fails("models: [kling]\npeople: [{ image: person.png }]\noutfits: [{ image: top.png }]\n");
        (error.Line, error.Field).ShouldBe((2, "people[0].image"));
        error.Message.ShouldContain("cannot be read");
    }
}
