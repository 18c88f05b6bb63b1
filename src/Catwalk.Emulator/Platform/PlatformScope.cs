namespace Catwalk.Emulator.Platform;

/// <summary>The key a Platform API needs: none, fal's <c>apiKey</c>, or its <c>adminApiKey</c>.</summary>
internal enum PlatformScope
{
    Public,
    Api,
    Admin,
}
