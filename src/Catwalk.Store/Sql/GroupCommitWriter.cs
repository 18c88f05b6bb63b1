using System.Data.Common;
using System.Threading.Channels;

namespace Catwalk.Store.Sql;

/// <summary>
/// The single writer of a SQLite store: one connection, opened and prepared once, does every write in the order they
/// were asked for. Writes asked for while a commit is reaching the disk go into the next transaction together, each in
/// a savepoint of its own — so a hundred jobs moving at once cost one fsync, not a hundred, and one write that fails
/// (a guard, a constraint) fails alone. A caller's write is committed before its task completes, as before; if the
/// shared commit fails, each write of that group is tried again alone, so no write fails for another's fault.
/// </summary>
internal sealed class GroupCommitWriter : IAsyncDisposable
{
    /// <summary>Enough to take every job of a large batch moving at once; a bound keeps one transaction short.</summary>
    private const int MaxGroup = 256;
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<PendingWrite> _group = new(MaxGroup);
    private readonly Task _loop;
    private DbConnection? _connection;
    private long _commits;

    public GroupCommitWriter(Func<CancellationToken, Task<DbConnection>> open)
    {
        _open = open;
        _loop = Task.Run(LoopAsync); // waits without a thread until the first write
    }

    /// <summary>Transactions committed so far (for tests: writes asked for at once share them).</summary>
    internal long Commits => Interlocked.Read(ref _commits);

    /// <summary>Queues the write; completes once it is committed. Cancelling before the writer reaches it drops it; once started, it is finished.</summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingWrite<T>(write, cancellationToken);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(GroupCommitWriter), "The run store is closed.");
        return pending.Task;
    }

    private async Task LoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            _group.Clear();
            while (_group.Count < MaxGroup && reader.TryRead(out var write))
            {
                if (write.Token.IsCancellationRequested) write.Cancel();
                else _group.Add(write);
            }
            if (_group.Count == 0) continue;
            if (!await TryCommitAsync(_group).ConfigureAwait(false))
                foreach (var write in _group) await TryCommitAsync([write]).ConfigureAwait(false);
            foreach (var write in _group) write.Complete();
        }
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>One transaction for the group; false when the transaction itself failed (nothing of it is committed).</summary>
    private async Task<bool> TryCommitAsync(IReadOnlyList<PendingWrite> group)
    {
        // Alone, a write needs no savepoint: its failure rolls the whole transaction back (disposed uncommitted).
        var savepoints = group.Count > 1;
        try
        {
            _connection ??= await _open(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = await _connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            foreach (var write in group)
            {
                if (savepoints) await SavepointAsync("SAVEPOINT w", transaction).ConfigureAwait(false);
                try
                {
                    await write.RunAsync(_connection, transaction).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    write.Failed(e);
                    if (!savepoints) return true;
                    await SavepointAsync("ROLLBACK TO w", transaction).ConfigureAwait(false);
                }
                if (savepoints) await SavepointAsync("RELEASE w", transaction).ConfigureAwait(false);
            }
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _commits);
            return true;
        }
        catch (Exception) when (savepoints)
        {
            // Tried again one by one: each write then gets its own answer.
            await ResetAsync().ConfigureAwait(false);
            foreach (var write in group) write.Retry();
            return false;
        }
        catch (Exception e)
        {
            await ResetAsync().ConfigureAwait(false);
            group[0].Failed(e);
            return true;
        }
    }

    /// <summary>A savepoint statement, prepared once on the writer's connection (the provider's own makes a command each time).</summary>
    private Task SavepointAsync(string sql, DbTransaction transaction) =>
        PreparedCommands.For(_connection!, transaction, sql, [], []).ExecuteNonQueryAsync(CancellationToken.None);

    /// <summary>After a failed transaction the connection is opened afresh: whatever state it was left in goes with it.</summary>
    private async Task ResetAsync()
    {
        if (_connection is null) return;
        try { await _connection.DisposeAsync().ConfigureAwait(false); }
        catch (DbException) { }
        _connection = null;
    }

    /// <summary>Finishes what is queued, then closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private abstract class PendingWrite(CancellationToken token)
    {
        public CancellationToken Token { get; } = token;
        public abstract Task RunAsync(DbConnection connection, DbTransaction transaction);
        public abstract void Failed(Exception e);
        public abstract void Retry();
        public abstract void Cancel();
        public abstract void Complete();
    }

    private sealed class PendingWrite<T>(Func<DbConnection, DbTransaction, Task<T>> write, CancellationToken token) : PendingWrite(token)
    {
        // Callers continue on the thread pool, never on the writer's loop (it has the next group to commit).
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private (bool Ran, T? Result, Exception? Error) _outcome;

        public Task<T> Task => _done.Task;
        public override async Task RunAsync(DbConnection connection, DbTransaction transaction) => _outcome = (true, await write(connection, transaction).ConfigureAwait(false), null);
        public override void Failed(Exception e) => _outcome = (true, default, e);
        public override void Retry() => _outcome = default;
        public override void Cancel() => _done.TrySetCanceled(Token);

        public override void Complete()
        {
            if (_outcome.Error is { } error) _done.TrySetException(error);
            else if (_outcome.Ran) _done.TrySetResult(_outcome.Result!);
            else _done.TrySetException(new InvalidOperationException("The store's writer ended a write without an answer."));
        }
    }
}
