using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>Loads YAML text, turning every parser failure into a position and a one-line explanation.</summary>
internal static partial class YamlParsing
{
    /// <summary>False with <paramref name="line"/>, <paramref name="column"/> and <paramref name="message"/> when the text is not valid YAML.</summary>
    public static bool TryLoad(string text, out YamlStream stream, out int line, out int column, out string message)
    {
        stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        try
        {
            stream.Load(parser);
            (line, column, message) = (0, 0, string.Empty);
            return true;
        }
        catch (YamlException ex)
        {
            (line, column) = (ToInt(ex.Start.Line), ToInt(ex.Start.Column));
            message = Clean(ex.Message);
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 16's scanner can fail this way (not with a YamlException) on an unclosed flow
            // collection running into the next line; the last event it produced is the best position we have.
            var mark = parser.Current?.End ?? Mark.Empty;
            (line, column) = (ToInt(mark.Line), ToInt(mark.Column));
            message = "the parser could not continue after this point; check for an unclosed '[', '{' or quote";
            return false;
        }
    }

    public static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is
    // already in front of ours, so only the explanation is kept.
    private static string Clean(string message)
    {
        message = PositionPrefix().Replace(message, string.Empty).Trim();
        return message.Length == 0 ? "syntax error" : message;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*")]
    private static partial Regex PositionPrefix();
}
