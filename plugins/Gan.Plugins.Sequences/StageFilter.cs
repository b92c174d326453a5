namespace Gan.Plugins.Sequences;

/// <summary>
/// Metrics and sample renderers are listed once per experiment but make sense only in some stages (a forecast
/// plot in the predictor stage, a generated-sequence plot in the GAN stage): each takes a <c>stages</c> list.
/// </summary>
internal static class StageFilter
{
    /// <summary>Whether a component limited to <paramref name="stages"/> (empty = all) runs in <paramref name="stage"/>.</summary>
    public static bool Applies(IReadOnlyCollection<string>? stages, string stage) =>
        stages is null || stages.Count == 0 || stages.Contains(stage, StringComparer.Ordinal);
}
