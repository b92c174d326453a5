namespace Gan.Plugins.Midi.PianoRoll;

/// <summary>
/// Assigns each note to a piano-roll track from its channel and General MIDI program family. Channel 10
/// (index 9) is drums whatever the program. Pitched families go to the track of the closest role:
///
/// <code>
///   0– 7 piano, 8–15 chromatic percussion, 16–23 organ,
///   112–119 pitched percussion, 120–127 sound effects                → piano
///   24–31 guitar, 80–87 synth lead, 104–111 ethnic (sitar, banjo, koto) → guitar
///   32–39 bass                                                       → bass
///   40–47 strings, 48–55 ensemble, 56–63 brass, 64–71 reed,
///   72–79 pipe, 88–95 synth pad, 96–103 synth effects                → strings
/// </code>
///
/// When the chosen track is not among the experiment's tracks (for example <c>tracks: [piano]</c>), pitched
/// notes fall back to piano, then strings, guitar, bass, in that order; drum notes are dropped.
/// </summary>
public sealed class TrackMapping
{
    /// <summary>The General MIDI drum channel (channel 10, 0-based index 9).</summary>
    public const int DrumChannel = 9;

    private static readonly string[] FallbackOrder = ["piano", "strings", "guitar", "bass"];
    private static readonly string[] FamilyTrack =
    [
        "piano", "piano", "piano", "guitar", "bass", "strings", "strings", "strings",
        "strings", "strings", "guitar", "strings", "strings", "guitar", "piano", "piano",
    ];

    private readonly int[] _programToTrack = new int[128];
    private readonly int _drumTrack;

    /// <summary>Builds the mapping onto <paramref name="tracks"/> (their order is the tensor's track order).</summary>
    public TrackMapping(IReadOnlyList<InstrumentTrack> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        Tracks = tracks;
        _drumTrack = IndexOf("drums");
        for (var program = 0; program < 128; program++)
        {
            var preferred = FamilyTrack[program / 8];
            var index = IndexOf(preferred);
            for (var i = 0; index < 0 && i < FallbackOrder.Length; i++)
            {
                index = IndexOf(FallbackOrder[i]);
            }

            _programToTrack[program] = index;
        }
    }

    /// <summary>The tracks mapped onto.</summary>
    public IReadOnlyList<InstrumentTrack> Tracks { get; }

    /// <summary>The General MIDI family name of the preferred track of <paramref name="program"/>, before fallback.</summary>
    public static string PreferredTrack(int program) => FamilyTrack[program / 8];

    /// <summary>The track index for a note on <paramref name="channel"/> with <paramref name="program"/>, or -1 to drop it.</summary>
    public int TrackOf(int channel, int program) =>
        channel == DrumChannel ? _drumTrack : _programToTrack[program & 0x7F];

    private int IndexOf(string name)
    {
        for (var i = 0; i < Tracks.Count; i++)
        {
            if (string.Equals(Tracks[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
