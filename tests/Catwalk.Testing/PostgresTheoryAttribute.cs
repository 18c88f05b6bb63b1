using Xunit;

namespace Catwalk.Testing;

/// <summary>A table-driven <see cref="PostgresFactAttribute"/>: skipped with the reason when there is no PostgreSQL test server.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (TestPostgres.ConnectionString is null) Skip = TestPostgres.SkipReason;
    }
}
