namespace Gan.Plugins.CycleGan.Data;

/// <summary>The datasets the reference's <c>datasets/download_cyclegan_dataset.sh</c> knows.</summary>
internal static class CycleGanDatasets
{
    /// <summary>The reference's download server.</summary>
    public const string DefaultBaseUrl = "http://efrosgans.eecs.berkeley.edu/cyclegan/datasets/";

    /// <summary>Names accepted by <c>dataset:</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "apple2orange", "summer2winter_yosemite", "horse2zebra", "monet2photo", "cezanne2photo", "ukiyoe2photo",
        "vangogh2photo", "maps", "cityscapes", "facades", "iphone2dslr_flower", "ae_photos",
    ];

    /// <summary>Whether <paramref name="name"/> is a known dataset.</summary>
    public static bool IsKnown(string name) => Names.Contains(name, StringComparer.Ordinal);
}
