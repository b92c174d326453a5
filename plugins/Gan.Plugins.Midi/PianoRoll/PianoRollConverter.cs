using Gan.Plugins.Midi.Smf;

namespace Gan.Plugins.Midi.PianoRoll;

/// <summary>
/// Places a MIDI file's notes on a piano-roll grid: each note goes to the track its channel and program map
/// to (<see cref="TrackMapping"/>), its start and end ticks are rounded to the nearest time step (a note
/// lasts at least one step), and it fills its pitch row from start to end. Tempo does not matter: the grid is
/// in beats. Time signatures are not used to place bar lines: bars are <c>BeatsPerBar</c> quarter notes.
/// </summary>
public static class PianoRollConverter
{
    /// <summary>Converts <paramref name="file"/> on <paramref name="layout"/>'s grid.</summary>
    public static PianoRollSong Convert(MidiFile file, PianoRollLayout layout)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(layout);
        var mapping = new TrackMapping(layout.Tracks);
        var notes = CollectNotes(file);
        var tracks = layout.Tracks.Count;
        var stepsPerBeat = (double)layout.StepsPerBeat;
        var placed = new List<(int Track, int Pitch, int Start, int End)>(notes.Count);
        var dropped = 0;
        foreach (var note in notes)
        {
            var track = mapping.TrackOf(note.Channel, note.Program);
            var row = note.Key - layout.LowestPitch;
            if (track < 0 || row < 0 || row >= layout.Pitches)
            {
                dropped++;
                continue;
            }

            var start = (int)Math.Round(note.Start * stepsPerBeat / file.TicksPerQuarter, MidpointRounding.AwayFromZero);
            var end = (int)Math.Round(note.End * stepsPerBeat / file.TicksPerQuarter, MidpointRounding.AwayFromZero);
            placed.Add((track, row, start, Math.Max(end, start + 1)));
        }

        var steps = placed.Count == 0 ? 0 : placed.Max(n => n.End);
        var cells = new byte[tracks * steps * layout.Pitches];
        foreach (var (track, row, start, end) in placed)
        {
            for (var step = start; step < end; step++)
            {
                cells[(((track * steps) + step) * layout.Pitches) + row] = 1;
            }
        }

        var onsets = placed.Select(n => n.Start).Order().ToArray();
        return new PianoRollSong(layout, steps, cells, onsets, placed.Count, dropped);
    }

    /// <summary>Pairs note-ons with note-offs across all tracks, tracking each channel's current program.</summary>
    internal static List<SoundingNote> CollectNotes(MidiFile file)
    {
        // Format 1 tracks play together and channels are shared between them: merge them into one time line
        // (stable, so each track's own order is kept) before following program changes.
        var timeline = file.Tracks
            .SelectMany((track, t) => track.Events.Select((e, i) => (Event: e, Track: t, Index: i)))
            .OrderBy(x => x.Event.Tick).ThenBy(x => x.Event is NoteOffEvent ? 0 : 1).ThenBy(x => x.Track).ThenBy(x => x.Index)
            .Select(x => x.Event);
        var programs = new int[16];
        var open = new Dictionary<(int Channel, int Key), Queue<(long Tick, int Program, int Velocity)>>();
        var notes = new List<SoundingNote>();
        long last = 0;
        foreach (var midiEvent in timeline)
        {
            last = midiEvent.Tick;
            switch (midiEvent)
            {
                case ProgramChangeEvent e:
                    programs[e.Channel] = e.Program;
                    break;
                case NoteOnEvent e:
                    if (!open.TryGetValue((e.Channel, e.Note), out var queue))
                    {
                        open[(e.Channel, e.Note)] = queue = new Queue<(long, int, int)>();
                    }

                    queue.Enqueue((e.Tick, programs[e.Channel], e.Velocity));
                    break;
                case NoteOffEvent e when open.TryGetValue((e.Channel, e.Note), out var started) && started.Count > 0:
                    // First in, first out: overlapping repeats of one key end in the order they began.
                    var (tick, program, velocity) = started.Dequeue();
                    notes.Add(new SoundingNote(e.Channel, program, e.Note, velocity, tick, e.Tick));
                    break;
            }
        }

        // Notes never released end with the file.
        foreach (var ((channel, key), queue) in open)
        {
            foreach (var (tick, program, velocity) in queue)
            {
                notes.Add(new SoundingNote(channel, program, key, velocity, tick, last));
            }
        }

        return notes;
    }
}
