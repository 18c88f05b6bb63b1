namespace Catwalk.Emulator.Rendering;

/// <summary>How an emulated image card arranges its references, so models' outputs can be told apart at a glance.</summary>
internal enum CardLayout
{
    /// <summary>The person large on the left, the other references in a column on the right.</summary>
    Sidebar,
    /// <summary>The person large on top, the other references in a row beneath.</summary>
    BottomStrip,
    /// <summary>Every reference the same size, in a two-column grid.</summary>
    Grid,
    /// <summary>The person in the middle, the other references alternately left and right.</summary>
    Centered,
}
