using Gan.Plugins.Midi.Smf;

namespace Gan.Plugins.Midi.PianoRoll;

/// <summary>
/// Writes binary piano-roll segments as a format 1 MIDI file: a conductor track (name, time signature, tempo),
/// then one track per instrument with its name and General MIDI program; drums on channel 10, pitched tracks
/// on channels 1, 2, 3… (skipping 10). Each run of consecutive "on" steps of a pitch becomes one note.
/// Segments are played one after another with <c>gapBars</c> bars of silence between them.
/// </summary>
public static class PianoRollToMidi
{
    /// <summary>Converts <paramref name="segments"/> (each tracks × bars·steps × pitches, true = on).</summary>
    public static MidiFile Convert(IReadOnlyList<bool[]> segments, PianoRollLayout layout, double beatsPerMinute = 120, int velocity = 100, int gapBars = 1, string title = "Gan.Pipeline MuseGAN sample")
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(layout);
        var ticksPerStep = Math.Max(1, 480 / layout.StepsPerBeat);
        var ticksPerQuarter = ticksPerStep * layout.StepsPerBeat;
        var length = layout.StepsPerSegment;
        var stride = length + (gapBars * layout.StepsPerBar);
        var conductor = new List<MidiEvent>
        {
            new TrackNameEvent(0, title),
            new TimeSignatureEvent(0, layout.BeatsPerBar, 4),
            new TempoEvent(0, (int)Math.Round(60_000_000 / beatsPerMinute)),
        };
        var tracks = new List<MidiTrack> { new(conductor) };
        var nextChannel = 0;
        for (var t = 0; t < layout.Tracks.Count; t++)
        {
            var instrument = layout.Tracks[t];
            int channel;
            if (instrument.IsDrum)
            {
                channel = TrackMapping.DrumChannel;
            }
            else
            {
                channel = nextChannel++;
                if (channel == TrackMapping.DrumChannel)
                {
                    channel = nextChannel++;
                }
            }

            var notes = new List<(long Tick, bool Off, int Key)>();
            for (var s = 0; s < segments.Count; s++)
            {
                var cells = segments[s];
                for (var pitch = 0; pitch < layout.Pitches; pitch++)
                {
                    var start = -1;
                    for (var step = 0; step <= length; step++)
                    {
                        var on = step < length && cells[(((t * length) + step) * layout.Pitches) + pitch];
                        if (on && start < 0)
                        {
                            start = step;
                        }
                        else if (!on && start >= 0)
                        {
                            var key = layout.LowestPitch + pitch;
                            var origin = (long)s * stride;
                            notes.Add(((origin + start) * ticksPerStep, false, key));
                            notes.Add(((origin + step) * ticksPerStep, true, key));
                            start = -1;
                        }
                    }
                }
            }

            var events = new List<MidiEvent>
            {
                new TrackNameEvent(0, instrument.Name),
                new ProgramChangeEvent(0, channel, instrument.Program),
            };
            // Note-offs before note-ons at the same tick, so a repeated key is released before it is struck again.
            foreach (var (tick, off, key) in notes.OrderBy(n => n.Tick).ThenBy(n => n.Off ? 0 : 1).ThenBy(n => n.Key))
            {
                events.Add(off ? new NoteOffEvent(tick, channel, key, 0) : new NoteOnEvent(tick, channel, key, velocity));
            }

            tracks.Add(new MidiTrack(events));
        }

        return new MidiFile(1, ticksPerQuarter, tracks);
    }
}
