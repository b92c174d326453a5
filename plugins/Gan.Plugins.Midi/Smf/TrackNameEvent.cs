namespace Gan.Plugins.Midi.Smf;

/// <summary>Sequence/Track Name meta event (FF 03).</summary>
/// <param name="Tick">Absolute time in ticks.</param>
/// <param name="Name">The name (read as Latin-1, the encoding most files use in practice).</param>
public sealed record TrackNameEvent(long Tick, string Name) : MidiEvent(Tick);
