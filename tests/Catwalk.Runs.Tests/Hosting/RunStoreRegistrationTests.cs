using Catwalk.Runs.Hosting;
using Catwalk.Store;
using Catwalk.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Catwalk.Runs.Tests.Hosting;

/// <summary>One store per process: every part a class may ask for is the opened store itself, never a second one.</summary>
public sealed class RunStoreRegistrationTests
{
    [Fact]
    public async Task Each_part_of_the_store_resolves_to_the_same_opened_store_and_the_container_does_not_dispose_it()
    {
        await using var t = await TestStore.OpenAsync("sqlite");
        await using (var services = new ServiceCollection().AddRunStore(t.Store).BuildServiceProvider())
        {
            object[] parts =
            [
                services.GetRequiredService<IRunStore>(), services.GetRequiredService<IRunJobStore>(), services.GetRequiredService<IJobProgressStore>(),
                services.GetRequiredService<IVoteStore>(), services.GetRequiredService<ISlotStore>(), services.GetRequiredService<IRunAnalytics>(),
                services.GetRequiredService<IRunStoreInfo>(),
            ];
            parts.ShouldAllBe(p => ReferenceEquals(p, t.Store));
        }
        // Its opener owns it: still usable, writes included, after the container is gone.
        await t.Store.CreateRunAsync(new RunRecord { Id = "after", Kind = RunKind.Run, OutputRoot = t.OutputRoot }, []);
        (await t.Store.GetRunAsync("after")).ShouldNotBeNull();
    }
}
