using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Gan.Engine.Experiments;

/// <summary>The <c>checkpoints:</c> section.</summary>
public sealed class CheckpointDefinition
{
    [Description("Save network weights at all.")]
    public bool Enabled { get; set; } = true;

    [Description("Folder checkpoints are written under, one subfolder per run.")]
    public string Directory { get; set; } = "checkpoints";

    [Range(1, int.MaxValue), Description("Save every N epochs; the end of each stage is always saved.")]
    public int? EveryEpochs { get; set; }

    [Description("Also store checkpoints as run artifacts.")]
    public bool LogArtifacts { get; set; }
}
