namespace Gan.Plugins.Midi.PianoRoll;

/// <summary>One of the piano-roll's instrument tracks, as MuseGAN's five (LPD-5): its name, the General MIDI program written for it, and whether it is played on the drum channel.</summary>
/// <param name="Name">drums, piano, guitar, bass or strings.</param>
/// <param name="Program">The General MIDI program written to generated files (0-based).</param>
/// <param name="IsDrum">Played on channel 10 (index 9), where keys are drum sounds, not pitches.</param>
public sealed record InstrumentTrack(string Name, int Program, bool IsDrum)
{
    /// <summary>Drum kit on channel 10.</summary>
    public static InstrumentTrack Drums { get; } = new("drums", 0, true);

    /// <summary>Acoustic Grand Piano (program 0).</summary>
    public static InstrumentTrack Piano { get; } = new("piano", 0, false);

    /// <summary>Acoustic Guitar (nylon) (program 24).</summary>
    public static InstrumentTrack Guitar { get; } = new("guitar", 24, false);

    /// <summary>Acoustic Bass (program 32).</summary>
    public static InstrumentTrack Bass { get; } = new("bass", 32, false);

    /// <summary>String Ensemble 1 (program 48), as MuseGAN writes its strings track.</summary>
    public static InstrumentTrack Strings { get; } = new("strings", 48, false);

    /// <summary>The five tracks in MuseGAN's order.</summary>
    public static IReadOnlyList<InstrumentTrack> All { get; } = [Drums, Piano, Guitar, Bass, Strings];

    /// <summary>The track named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static InstrumentTrack? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
