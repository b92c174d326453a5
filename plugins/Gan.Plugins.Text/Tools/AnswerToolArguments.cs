using System.Globalization;
using Gan.Abstractions;
using Gan.Plugins.Text.Networks;

namespace Gan.Plugins.Text.Tools;

/// <summary>The parsed arguments of <c>gan answer</c>.</summary>
internal sealed record AnswerToolArguments(string Run, string? File, DecodingSettings Decoding, string Generator, string Device, int Seed)
{
    /// <summary>Parses the arguments after the command name; throws <see cref="GanInputException"/> on a bad one.</summary>
    public static AnswerToolArguments Parse(IReadOnlyList<string> arguments)
    {
        string? run = null;
        string? file = null;
        var generator = "generator";
        var device = "cpu";
        int? beam = null;
        var sample = false;
        var temperature = 0.8;
        var topK = 10;
        var seed = 0;
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i];
            string Value() => i + 1 < arguments.Count ? arguments[++i] : throw new GanInputException($"gan answer: {name} needs a value.");
            switch (name)
            {
                case "--run" or "--model": run = Value(); break;
                case "--file": file = Value(); break;
                case "--generator": generator = Value(); break;
                case "--device": device = Value(); break;
                case "--beam": beam = Positive(name, Value()); break;
                case "--sample": sample = true; break;
                case "--temperature": temperature = Number(name, Value()); break;
                case "--top-k": topK = Positive(name, Value(), allowZero: true); break;
                case "--seed": seed = Positive(name, Value(), allowZero: true); break;
                default: throw new GanInputException($"gan answer: unknown argument '{name}' (see gan answer --help).");
            }
        }

        if (run is null)
        {
            throw new GanInputException("gan answer: --run RUN_ID|CHECKPOINT_DIR is required.");
        }

        if (beam is not null && sample)
        {
            throw new GanInputException("gan answer: give --beam or --sample, not both.");
        }

        var decoding = beam is { } width ? new DecodingSettings(DecodingMethod.Beam, BeamSize: width)
            : sample ? new DecodingSettings(DecodingMethod.Sample, Temperature: temperature, TopK: topK)
            : new DecodingSettings(DecodingMethod.Greedy);
        return new AnswerToolArguments(run, file, decoding, generator, device, seed);
    }

    private static int Positive(string name, string text, bool allowZero = false) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (value > 0 || (allowZero && value == 0))
            ? value
            : throw new GanInputException($"gan answer: {name} expects a {(allowZero ? "non-negative" : "positive")} integer, not '{text}'.");

    private static double Number(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new GanInputException($"gan answer: {name} expects a positive number, not '{text}'.");
}
