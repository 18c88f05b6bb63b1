namespace Catwalk.Store;

/// <summary>What a page of jobs is sorted by (then by id): when made, model, state name, latency (none last), cost (else its estimate), input key.</summary>
public enum JobSort
{
    Created,
    Model,
    State,
    Latency,
    Cost,
    Input,
}
