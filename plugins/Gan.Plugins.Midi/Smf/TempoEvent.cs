namespace Gan.Plugins.Midi.Smf;

/// <summary>Set Tempo meta event (FF 51 03): microseconds per quarter note.</summary>
/// <param name="Tick">Absolute time in ticks.</param>
/// <param name="MicrosecondsPerQuarter">500000 is 120 beats per minute.</param>
public sealed record TempoEvent(long Tick, int MicrosecondsPerQuarter) : MidiEvent(Tick)
{
    /// <summary>The tempo in quarter notes per minute.</summary>
    public double BeatsPerMinute => 60_000_000.0 / MicrosecondsPerQuarter;
}
