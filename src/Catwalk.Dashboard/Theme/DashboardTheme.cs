using MudBlazor;

namespace Catwalk.Dashboard.Theme;

/// <summary>
/// The dashboard's one look, light and dark: MudBlazor's palette with the secondary text and the app bar darkened or
/// lightened where the defaults fall short of WCAG AA contrast (4.5:1) — the axe tests check every page in both.
/// </summary>
public static class DashboardTheme
{
    /// <summary>The cookie that remembers the reader's choice; read on the server, so the first paint is already in it.</summary>
    public const string Cookie = "catwalk-theme";

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3f51b5",
            Secondary = "#c2185b",
            AppbarBackground = "#283593",
            TextSecondary = "rgba(0,0,0,0.66)",
            Background = "#f6f6f9",
            // MudBlazor's status colours are too light for white text on them and for text in their colour (axe: color-contrast).
            Success = "#2e7d32",
            Error = "#c62828",
            Info = "#1565c0",
            Warning = "#9a5b00",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            Secondary = "#f48fb1",
            AppbarBackground = "#1c1d26",
            Background = "#121318",
            Surface = "#1d1e26",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.72)",
            ActionDefault = "rgba(255,255,255,0.8)",
            // Light hues that read on the dark surface; filled chips and buttons then carry dark text, not white.
            PrimaryContrastText = "rgba(0,0,0,0.87)",
            Success = "#66bb6a", SuccessContrastText = "rgba(0,0,0,0.87)",
            Error = "#ef9a9a", ErrorContrastText = "rgba(0,0,0,0.87)",
            Info = "#64b5f6", InfoContrastText = "rgba(0,0,0,0.87)",
            Warning = "#ffb74d", WarningContrastText = "rgba(0,0,0,0.87)",
        },
    };

    public static bool IsDark(string? cookie) => cookie == "dark";
}
