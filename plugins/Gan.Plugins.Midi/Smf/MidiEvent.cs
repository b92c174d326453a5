namespace Gan.Plugins.Midi.Smf;

/// <summary>An event of a MIDI track at an absolute time in ticks (delta times are a file-format detail).</summary>
/// <param name="Tick">Absolute time from the start of the track, in ticks.</param>
public abstract record MidiEvent(long Tick);
