namespace Gan.Plugins.Sequences.Plotting;

/// <summary>An sRGB colour.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>Data (the real series): near black.</summary>
    public static Rgb Real { get; } = new(40, 40, 40);

    /// <summary>First model line: blue.</summary>
    public static Rgb Blue { get; } = new(31, 119, 180);

    /// <summary>Second model line: orange.</summary>
    public static Rgb Orange { get; } = new(255, 127, 14);

    /// <summary>Third line: green.</summary>
    public static Rgb Green { get; } = new(44, 160, 44);

    /// <summary>Axes and text.</summary>
    public static Rgb Axis { get; } = new(90, 90, 90);

    /// <summary>Grid lines.</summary>
    public static Rgb Grid { get; } = new(225, 225, 225);

    /// <summary>Background.</summary>
    public static Rgb White { get; } = new(255, 255, 255);
}
