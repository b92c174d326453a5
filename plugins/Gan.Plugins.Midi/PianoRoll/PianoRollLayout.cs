namespace Gan.Plugins.Midi.PianoRoll;

/// <summary>
/// The shape of one piano-roll segment: tracks × bars × time steps per bar × pitches, the lowest pitch, and
/// the beat grid (steps per bar divided evenly into beats, each beat a quarter note).
/// </summary>
/// <param name="Tracks">The instrument tracks, in tensor order.</param>
/// <param name="Bars">Bars per segment (MuseGAN: 4).</param>
/// <param name="StepsPerBar">Time steps per bar (MuseGAN: 48, i.e. 12 per beat in 4/4).</param>
/// <param name="BeatsPerBar">Quarter-note beats per bar (4).</param>
/// <param name="Pitches">Pitch rows (MuseGAN: 84).</param>
/// <param name="LowestPitch">The MIDI key of row 0 (MuseGAN: 24, C1).</param>
public sealed record PianoRollLayout(IReadOnlyList<InstrumentTrack> Tracks, int Bars, int StepsPerBar, int BeatsPerBar, int Pitches, int LowestPitch)
{
    /// <summary>Time steps per quarter-note beat.</summary>
    public int StepsPerBeat => StepsPerBar / BeatsPerBar;

    /// <summary>Time steps per segment.</summary>
    public int StepsPerSegment => Bars * StepsPerBar;

    /// <summary>Cells of one segment (tracks × steps × pitches).</summary>
    public int CellsPerSegment => Tracks.Count * StepsPerSegment * Pitches;

    /// <summary>The tensor shape of one segment (tracks, bars, steps per bar, pitches).</summary>
    public long[] SegmentShape => [Tracks.Count, Bars, StepsPerBar, Pitches];
}
