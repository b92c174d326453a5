using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gan.Plugins.Midi.PianoRoll;

namespace Gan.Plugins.Midi;

/// <summary>Options of the <c>midi-pianoroll</c> data source; the defaults are MuseGAN's.</summary>
public sealed class PianoRollDataOptions : IValidatableObject
{
    /// <summary>Folder searched recursively for .mid/.midi files.</summary>
    [Description("Folder searched recursively for .mid/.midi files; relative to data_root unless absolute.")]
    [Required]
    public string Path { get; set; } = "midi";

    /// <summary>Segments per batch.</summary>
    [Description("Segments per batch (MuseGAN: 64); the last partial batch is dropped so every batch has this size.")]
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 64;

    /// <summary>The tracks, in tensor order.</summary>
    [Description("Tracks in tensor order, from drums, piano, guitar, bass, strings (General MIDI families are mapped onto them; see docs/midi.md). Piano-only data: [piano].")]
    [MinLength(1)]
    public List<string> Tracks { get; set; } = ["drums", "piano", "guitar", "bass", "strings"];

    /// <summary>Bars per segment.</summary>
    [Description("Bars per segment (MuseGAN: 4).")]
    [Range(1, 64)]
    public int Bars { get; set; } = 4;

    /// <summary>Time steps per bar.</summary>
    [Description("Time steps per bar (MuseGAN: 48, i.e. 12 per beat in 4/4); a multiple of beats_per_bar.")]
    [Range(1, 960)]
    public int StepsPerBar { get; set; } = 48;

    /// <summary>Quarter-note beats per bar.</summary>
    [Description("Quarter-note beats per bar; bars are cut every this many quarters (4 = 4/4).")]
    [Range(1, 32)]
    public int BeatsPerBar { get; set; } = 4;

    /// <summary>Pitch rows.</summary>
    [Description("Pitch rows (MuseGAN: 84).")]
    [Range(1, 128)]
    public int Pitches { get; set; } = 84;

    /// <summary>MIDI key of the lowest pitch row.</summary>
    [Description("MIDI key of the lowest pitch row (MuseGAN: 24 = C1); notes outside the range are dropped.")]
    [Range(0, 127)]
    public int LowestPitch { get; set; } = 24;

    /// <summary>Segments with fewer note onsets are dropped.</summary>
    [Description("Drop segments with fewer note onsets than this (all tracks together); 0 keeps silent segments.")]
    [Range(0, 100_000)]
    public int MinNotes { get; set; } = 8;

    /// <summary>Bars between the starts of consecutive segments.</summary>
    [Description("Bars between the starts of consecutive segments; default (0): the segment length, i.e. no overlap.")]
    [Range(0, 64)]
    public int HopBars { get; set; }

    /// <summary>How on/off cells are encoded.</summary>
    [Description("symmetric: off -1, on +1 (tanh generator); unit: off 0, on 1 (sigmoid generator).")]
    public PianoRollValueRange ValueRange { get; set; } = PianoRollValueRange.Symmetric;

    /// <summary>Whether each epoch visits segments in a new order.</summary>
    [Description("Shuffle every epoch, in an order fixed by the seed and the epoch number.")]
    public bool Shuffle { get; set; } = true;

    /// <summary>Whether the processed dataset is cached on disk.</summary>
    [Description("Cache the processed piano-rolls under cache_root, keyed by the file list, their sizes and times, and these options.")]
    public bool Cache { get; set; } = true;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var name in Tracks ?? [])
        {
            if (InstrumentTrack.Find(name) is null)
            {
                yield return new ValidationResult(
                    $"Unknown track '{name}'; use drums, piano, guitar, bass or strings.", [nameof(Tracks)]);
            }
        }

        if ((Tracks ?? []).Distinct(StringComparer.OrdinalIgnoreCase).Count() != (Tracks ?? []).Count)
        {
            yield return new ValidationResult("A track is listed twice.", [nameof(Tracks)]);
        }

        if (StepsPerBar % BeatsPerBar != 0)
        {
            yield return new ValidationResult(
                $"steps_per_bar ({StepsPerBar}) must be a multiple of beats_per_bar ({BeatsPerBar}).", [nameof(StepsPerBar)]);
        }

        if (LowestPitch + Pitches > 128)
        {
            yield return new ValidationResult(
                $"lowest_pitch + pitches ({LowestPitch} + {Pitches}) must not exceed 128 MIDI keys.", [nameof(Pitches)]);
        }
    }

    /// <summary>The layout these options describe.</summary>
    public PianoRollLayout ToLayout() =>
        new([.. Tracks.Select(n => InstrumentTrack.Find(n)!)], Bars, StepsPerBar, BeatsPerBar, Pitches, LowestPitch);
}
