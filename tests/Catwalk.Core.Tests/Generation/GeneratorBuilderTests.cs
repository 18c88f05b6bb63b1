using Catwalk.Catalog;
using Catwalk.Generation;

namespace Catwalk.Core.Tests.Generation;

public class GeneratorBuilderTests
{
    private static readonly ModelDescriptor Veo3 = ModelCatalog.BuiltIn.Get("veo3");
    private static readonly VideoGenerationRequest Request = new("walk", "https://files/a.png");

    [Fact]
    public async Task Cost_estimation_prices_the_settings_the_model_ran_with()
    {
        var fake = new FakeVideoGenerator(Veo3) { Respond = (_, _) => FakeVideoGenerator.Response(Veo3, 8, audio: true) };
        var generator = new GeneratorBuilder<IVideoGenerator>(fake).UseCostEstimation().Build();
        var response = await generator.GenerateAsync(Request);
        response.Cost!.Usd.ShouldBe(3.20m);
        fake.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_first_use_is_the_outermost_layer()
    {
        var order = new List<string>();
        var generator = new GeneratorBuilder<IVideoGenerator>(new FakeVideoGenerator(Veo3))
            .Use(inner => new RecordingGenerator(inner, "outer", order))
            .Use(inner => new RecordingGenerator(inner, "inner", order))
            .Build();
        await generator.GenerateAsync(Request);
        order.ShouldBe(["outer", "inner"]);
    }

    [Fact]
    public void Services_are_found_through_the_layers_and_dispose_reaches_the_inner_generator()
    {
        var fake = new FakeVideoGenerator(Veo3);
        var generator = new GeneratorBuilder<IVideoGenerator>(fake).UseCostEstimation().UseLogging().Build();
        generator.GetService(typeof(ModelDescriptor)).ShouldBe(Veo3);
        generator.GetService(typeof(CostEstimatingVideoGenerator)).ShouldNotBeNull();
        generator.Dispose();
        fake.Disposed.ShouldBeTrue();
    }

    private sealed class RecordingGenerator(IVideoGenerator inner, string name, List<string> order) : DelegatingVideoGenerator(inner)
    {
        public override Task<VideoGenerationResponse> GenerateAsync(VideoGenerationRequest request, VideoGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            order.Add(name);
            return base.GenerateAsync(request, options, cancellationToken);
        }
    }
}
