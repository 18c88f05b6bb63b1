namespace Catwalk.Store;

/// <summary>
/// The run store as one opened database: every narrow store over it, and which database it is. One per process; it
/// owns the connections, so only its opener disposes it. Callers that need one part take that interface
/// (<see cref="IRunJobStore"/>, <see cref="IJobProgressStore"/>, <see cref="IJobBillingStore"/>, <see cref="IVoteStore"/>, <see cref="ISlotStore"/>,
/// <see cref="IRunAnalytics"/>, <see cref="IJobStatistics"/>, <see cref="IReferenceUploadStore"/>, <see cref="IRunStoreInfo"/>).
/// </summary>
public interface IRunStore : IRunJobStore, IJobProgressStore, IJobBillingStore, IVoteStore, ISlotStore, IRunAnalytics, IJobStatistics, IReferenceUploadStore, IRunStoreInfo, IAsyncDisposable;
