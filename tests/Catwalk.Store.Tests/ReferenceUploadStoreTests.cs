using Catwalk.Store;
using Catwalk.Testing;

namespace Catwalk.Store.Tests;

/// <summary>Uploaded references on both engines: found by storage and content while they last, the later-expiring one kept.</summary>
public class ReferenceUploadStoreTests
{
    private const string Fal = "https://rest.fal.ai";
    private const string Emulator = "http://127.0.0.1:41234";
    private const string Sha = "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b";

    private static ReferenceUploadRecord Upload(string storage, string url, long expiresAt, string sha = Sha) => new()
    {
        Storage = storage, Sha256 = sha, Url = url, ContentType = "image/png", Bytes = 2_345_678, UploadedAt = 1_000, ExpiresAt = expiresAt,
    };

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task An_upload_is_found_for_its_storage_and_content_only_while_it_lasts_past_the_time_asked(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var upload = Upload(Fal, "https://v3.fal.media/files/a/me.png", expiresAt: 10_000);
        await t.Store.RememberReferenceUploadAsync(upload);

        (await t.Store.FindReferenceUploadAsync(Fal, Sha, validUntil: 9_999)).ShouldBe(upload);
        (await t.Store.FindReferenceUploadAsync(Fal, Sha, validUntil: 10_000)).ShouldBe(upload);
        (await t.Store.FindReferenceUploadAsync(Fal, Sha, validUntil: 10_001)).ShouldBeNull();
        (await t.Store.FindReferenceUploadAsync(Emulator, Sha, validUntil: 0)).ShouldBeNull();
        (await t.Store.FindReferenceUploadAsync(Fal, Sha.Replace('6', '7'), validUntil: 0)).ShouldBeNull();
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Each_storage_keeps_its_own_upload_of_the_same_content(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var atFal = Upload(Fal, "https://v3.fal.media/files/a/me.png", 10_000);
        var atEmulator = Upload(Emulator, "http://127.0.0.1:41234/files/b/me.png", 20_000);
        await t.Store.RememberReferenceUploadAsync(atFal);
        await t.Store.RememberReferenceUploadAsync(atEmulator);

        (await t.Store.FindReferenceUploadAsync(Fal, Sha, 0)).ShouldBe(atFal);
        (await t.Store.FindReferenceUploadAsync(Emulator, Sha, 0)).ShouldBe(atEmulator);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task A_later_expiring_upload_replaces_an_earlier_one_and_a_sooner_expiring_one_does_not(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var first = Upload(Fal, "https://v3.fal.media/files/a/me.png", 10_000);
        var again = Upload(Fal, "https://v3.fal.media/files/b/me.png", 50_000) with { UploadedAt = 9_000, Bytes = 1_000_000, ContentType = "image/jpeg" };
        var racing = Upload(Fal, "https://v3.fal.media/files/c/me.png", 40_000);
        await t.Store.RememberReferenceUploadAsync(first);
        await t.Store.RememberReferenceUploadAsync(again);
        await t.Store.RememberReferenceUploadAsync(racing);

        (await t.Store.FindReferenceUploadAsync(Fal, Sha, 0)).ShouldBe(again);
    }

    [Theory, MemberData(nameof(TestStore.Engines), MemberType = typeof(TestStore))]
    public async Task Uploads_are_shared_by_every_store_opened_on_the_database(string engine)
    {
        await using var t = await TestStore.OpenAsync(engine);
        var upload = Upload(Fal, "https://v3.fal.media/files/a/me.png", 10_000);
        await t.Store.RememberReferenceUploadAsync(upload);

        await using var other = await RunStoreFactory.OpenAsync(t.Db, t.OutputRoot);
        (await other.FindReferenceUploadAsync(Fal, Sha, 0)).ShouldBe(upload);
    }
}
