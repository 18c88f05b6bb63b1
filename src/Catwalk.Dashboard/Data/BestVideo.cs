using Catwalk.Store;

namespace Catwalk.Dashboard.Data;

/// <summary>A model's best video for the overview's posters: the one that won most over what it lost in blind votes, the newest of equals.</summary>
public sealed record BestVideo(JobRecord Job, int Wins, int Losses);
