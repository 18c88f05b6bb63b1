using Catwalk.Domain;

namespace Catwalk.Dashboard.Tests.Support;

/// <summary>One emulated 2 image models × 2 angles × 2 video models run, made once for a test class.</summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    public static readonly CameraAngle[] Angles = [CameraAngle.Front, CameraAngle.ThreeQuarter];

    public MatrixDashboard Dashboard { get; private set; } = null!;

    public async Task InitializeAsync() => Dashboard = await MatrixDashboard.StartAsync(Angles);

    public async Task DisposeAsync()
    {
        if (Dashboard is not null) await Dashboard.DisposeAsync();
    }
}
