using Xunit;

namespace Catwalk.Testing;

/// <summary>
/// A test that needs the PostgreSQL server <c>./test</c> starts (CATWALK_TEST_POSTGRES). Without one it is
/// reported as skipped with the reason, never silently passed.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.ConnectionString is null) Skip = TestPostgres.SkipReason;
    }
}
