using System.Text.Json.Nodes;
using Catwalk.Catalog;
using Catwalk.Domain;
using Catwalk.Emulator;
using Catwalk.Fal;
using Catwalk.Runs.References;
using Catwalk.Runs.Specs;
using Catwalk.Store;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Runs.Tests.References;

/// <summary>
/// A look's references go up once per storage service across runs and processes sharing the store: a later run (in a
/// process of its own) sends the earlier run's URLs and uploads nothing, unless those are near their expiry or belong
/// to another storage service.
/// </summary>
public class ReferenceReuseAcrossRunsTests
{
    /// <summary>Runs the look (its image, one video) through <paramref name="process"/>'s services; returns the URLs its image job sent.</summary>
    private static async Task<IReadOnlyList<string>> RunLookAsync(RunsHarness h, IServiceProvider process, LookSpec look)
    {
        var runs = process.GetRequiredService<RunService>();
        // No result cache: every run sends its jobs, so what the arguments carry is what this run chose to send.
        var spec = h.Batch(1, ["pika"]) with { Looks = [look], UseCache = false };
        var outcome = await runs.ExecuteAsync(await runs.CreateAsync(spec, h.OutputRoot, true));
        outcome.Downloaded.ShouldBe(2, string.Join("; ", outcome.Jobs.Select(j => j.Error)));
        var image = outcome.Jobs.Single(j => j.Stage == StageKind.Image);
        return [.. JsonNode.Parse(image.ArgumentsJson!)!["image_urls"]!.AsArray().Select(u => u!.GetValue<string>())];
    }

    private static LookSpec LookWithFace(RunsHarness h) => h.Look("p0/o0/default", 1) with { FaceImage = h.Image("face.png", 2) };

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_second_run_of_the_same_look_in_another_process_uploads_nothing_and_sends_the_first_runs_urls(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var look = LookWithFace(h);
        var first = await RunLookAsync(h, h.Services, look);
        h.Emulator.GetStats().Uploads.ShouldBe(3); // person, face, outfit

        var second = await RunLookAsync(h, h.AnotherProcess(), look);

        h.Emulator.GetStats().Uploads.ShouldBe(3);
        second.ShouldBe(first);
        first.ShouldAllBe(u => u.StartsWith(h.Emulator.BaseUri.ToString()));
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task The_store_holds_each_upload_with_the_expiry_fal_was_asked_for(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var look = LookWithFace(h);
        var lifetime = TimeSpan.FromHours(30);
        var before = DateTimeOffset.UtcNow;
        var urls = await RunLookAsync(h, h.AnotherProcess(configure: o => o.UploadLifetime = lifetime), look);
        var after = DateTimeOffset.UtcNow;

        var storage = StoreReferenceUploadCache.StorageKey(h.Emulator.BaseUri);
        foreach (var path in new[] { look.PersonImage!, look.FaceImage!, look.OutfitImages[0] })
        {
            var sha = (await ReferenceImageLoader.LoadAsync(ReferenceRole.Person, path)).Sha256;
            var row = (await h.Store.Store.FindReferenceUploadAsync(storage, sha, 0)).ShouldNotBeNull();
            urls.ShouldContain(row.Url);
            row.ContentType.ShouldBe("image/png");
            row.Bytes.ShouldNotBeNull().ShouldBeGreaterThan(0);
            row.UploadedAt.ShouldBeInRange(before.ToUnixTimeMilliseconds(), after.ToUnixTimeMilliseconds());
            // Asked for at the initiate, just after the upload began: lifetime from then, to the millisecond's rounding.
            row.ExpiresAt.ShouldBeInRange(row.UploadedAt + (long)lifetime.TotalMilliseconds, after.ToUnixTimeMilliseconds() + (long)lifetime.TotalMilliseconds);
        }
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Uploads_with_less_than_an_hour_left_go_up_again_and_the_later_run_sends_the_new_urls(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var look = LookWithFace(h);
        // Made by a process that asked fal to keep them 50 minutes: under the hour a later run needs.
        var first = await RunLookAsync(h, h.AnotherProcess(configure: o => o.UploadLifetime = TimeSpan.FromMinutes(50)), look);

        var second = await RunLookAsync(h, h.Services, look);

        h.Emulator.GetStats().Uploads.ShouldBe(6);
        second.ShouldAllBe(u => !first.Contains(u));
        // The new uploads (7 days) replaced the short-lived ones for the runs after.
        var third = await RunLookAsync(h, h.AnotherProcess(), look);
        third.ShouldBe(second);
        h.Emulator.GetStats().Uploads.ShouldBe(6);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task An_emulator_at_another_storage_url_is_never_given_the_first_ones_urls(string engine)
    {
        await using var h = await RunsHarness.StartAsync(engine);
        var look = LookWithFace(h);
        var first = await RunLookAsync(h, h.Services, look);
        await using var other = await FalEmulator.StartAsync(new FalEmulatorOptions
        {
            LatencyScale = 0, CacheDirectory = Path.Combine(h.Folder.Path, ".render-cache-2"), Seed = 7,
        }, ModelCatalog.BuiltIn);

        var second = await RunLookAsync(h, h.AnotherProcess(other.BaseUri), look);

        other.GetStats().Uploads.ShouldBe(3);
        second.ShouldAllBe(u => u.StartsWith(other.BaseUri.ToString()));
        second.ShouldAllBe(u => !first.Contains(u));
        h.Emulator.GetStats().Uploads.ShouldBe(3);
    }
}
