namespace Gan.Plugins.CycleGan.Data;

/// <summary>One image's random choices for an epoch: which file, where to crop, whether to mirror.</summary>
internal readonly record struct SampleDraw(int Index, int CropX, int CropY, bool Flip);
