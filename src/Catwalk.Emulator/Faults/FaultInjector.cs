using Catwalk.Catalog;

namespace Catwalk.Emulator.Faults;

/// <summary>Decides, deterministically under a seed, whether a fault strikes a given call.</summary>
internal sealed class FaultInjector(IReadOnlyList<FaultRule> rules, int seed)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private readonly Dictionary<FaultRule, int> _fired = [];

    public bool Any => rules.Count > 0;

    /// <summary>The fault to inject for this call, or null. Each matching rule is rolled in order; the first that fires wins.</summary>
    public FaultRule? Roll(FaultStage stage, ModelDescriptor? model)
    {
        if (rules.Count == 0) return null;
        lock (_gate)
        {
            foreach (var rule in rules)
            {
                if (rule.Stage != stage || !Matches(rule, model)) continue;
                var fired = _fired.GetValueOrDefault(rule);
                if (rule.MaxTimes is { } max && fired >= max) continue;
                if (_random.NextDouble() >= rule.Probability) continue;
                _fired[rule] = fired + 1;
                return rule;
            }
            return null;
        }
    }

    private static bool Matches(FaultRule rule, ModelDescriptor? model) =>
        rule.Endpoint is null
        || (model is not null && (rule.Endpoint == model.EndpointId || rule.Endpoint == model.OwnerApp || string.Equals(rule.Endpoint, model.Key, StringComparison.OrdinalIgnoreCase)));
}
