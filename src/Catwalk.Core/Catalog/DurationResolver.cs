namespace Catwalk.Catalog;

/// <summary>Fits a requested duration to what a model takes.</summary>
public static class DurationResolver
{
    public static DurationChoice Resolve(ModelDescriptor model, int? requestedSeconds, FitPolicy policy)
    {
        var spec = model.Duration ?? throw new InvalidOperationException($"Model '{model.Key}' has no duration.");
        if (requestedSeconds is not { } requested) return new DurationChoice(null, spec.Default);
        if (requested <= 0)
            throw new UnsupportedSettingException(model.Key, "duration", $"Duration must be a positive number of seconds, not {requested}.");
        if (spec.IsAllowed(requested)) return new DurationChoice(requested, requested);
        if (policy == FitPolicy.Exact)
            throw new UnsupportedSettingException(model.Key, "duration",
                $"{model.DisplayName} ({model.Key}) cannot make a {requested}s video; it takes {spec.Describe()}.");
        var nearest = spec.AllowedValues()
            .OrderBy(s => Math.Abs(s - requested))
            .ThenByDescending(s => s) // tie: the longer clip, so nobody gets less video than asked
            .First();
        return new DurationChoice(requested, nearest);
    }
}
