using System.Reflection;

namespace Catwalk.Pipelines.Outputs;

/// <summary>The Catwalk version recorded in metadata, so a file says which build made it.</summary>
public static class CatwalkVersionInfo
{
    public static string Version { get; } =
        typeof(CatwalkVersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
