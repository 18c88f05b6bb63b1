using Catwalk.Fal;

namespace Catwalk.Cli.Infrastructure;

/// <summary>fal refused the key for its billing APIs (not an ADMIN key): one line, exit 3 like any refusal by fal.</summary>
internal sealed class BillingRefusedException(string message) : FalException(message, 403);
