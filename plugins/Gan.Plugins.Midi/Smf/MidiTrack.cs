namespace Gan.Plugins.Midi.Smf;

/// <summary>One MTrk chunk: its events in file order (non-decreasing ticks). End-of-track is implicit.</summary>
public sealed class MidiTrack
{
    /// <summary>Creates a track holding <paramref name="events"/>.</summary>
    public MidiTrack(IEnumerable<MidiEvent> events) => Events = [.. events];

    /// <summary>The events, in time order.</summary>
    public IReadOnlyList<MidiEvent> Events { get; }

    /// <summary>The first track-name event's text, if any.</summary>
    public string? Name => Events.OfType<TrackNameEvent>().FirstOrDefault()?.Name;

    /// <summary>The tick of the last event (the track's length).</summary>
    public long EndTick => Events.Count == 0 ? 0 : Events[^1].Tick;
}
