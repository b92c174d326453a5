using Gan.Engine.Components;

namespace Gan.Engine.Experiments;

/// <summary>A stage with its trainer resolved.</summary>
public sealed record ResolvedStage(StageDefinition Definition, ResolvedComponent Trainer, int Index);
