namespace Catwalk.Dashboard.Data;

/// <summary>What the frame endpoint cuts from a sampled frame: the whole frame as a thumbnail, or the face box enlarged.</summary>
public enum FramePart
{
    Frame,
    Face,
}
