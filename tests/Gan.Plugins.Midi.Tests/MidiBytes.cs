namespace Gan.Plugins.Midi.Tests;

/// <summary>Builds raw Standard MIDI File bytes by hand, so tests control every byte the reader sees.</summary>
internal static class MidiBytes
{
    public static byte[] Header(int format, int tracks, int division) =>
        [(byte)'M', (byte)'T', (byte)'h', (byte)'d', 0, 0, 0, 6, 0, (byte)format, (byte)(tracks >> 8), (byte)tracks, (byte)(division >> 8), (byte)division];

    public static byte[] Track(params byte[] body) =>
        [(byte)'M', (byte)'T', (byte)'r', (byte)'k', (byte)(body.Length >> 24), (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length, .. body];

    public static byte[] File(int format, int division, params byte[][] tracks) =>
        [.. Header(format, tracks.Length, division), .. tracks.SelectMany(t => Track(t))];

    public static readonly byte[] EndOfTrack = [0x00, 0xFF, 0x2F, 0x00];
}
