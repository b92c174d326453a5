using System.Globalization;
using System.Text.RegularExpressions;

namespace Gan.Configuration;

/// <summary>
/// Reading and writing scalar text the way YAML 1.2's core schema does, in the invariant culture, so a value
/// written out reads back to the same bits.
/// </summary>
internal static partial class ScalarFormat
{
    public static bool TryParseDouble(string text, out double value)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        // AllowThousands stays off: "1,000" is a typo in a config, not a thousand.
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            && FloatPattern().IsMatch(text);
    }

    public static bool TryParseLong(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Shortest round-tripping text. Exponents are written <c>1.0e-05</c> rather than .NET's <c>1E-05</c>:
    /// the mantissa dot and exponent sign make YAML 1.1 readers (PyYAML) see a float too.
    /// </summary>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        return Tidy(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>As <see cref="FormatDouble"/>, with the float's own shortest text (0.1f is "0.1", not 0.100000001).</summary>
    public static string FormatFloat(float value)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            return FormatDouble(value);
        }

        return Tidy(value.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// True when a string written plain would read back as something else (null, a boolean, a number) or
    /// lose whitespace, so it must be quoted.
    /// </summary>
    public static bool NeedsQuotes(string value) =>
        value.Length == 0
        || char.IsWhiteSpace(value[0])
        || char.IsWhiteSpace(value[^1])
        || Ambiguous().IsMatch(value)
        || TryParseDouble(value, out _);

    private static string Tidy(string text)
    {
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
        }

        var mantissa = text[..e];
        if (!mantissa.Contains('.', StringComparison.Ordinal))
        {
            mantissa += ".0";
        }

        var exponent = text[(e + 1)..];
        if (exponent[0] is not ('+' or '-'))
        {
            exponent = "+" + exponent;
        }

        return $"{mantissa}e{exponent}";
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    // YAML 1.2 core null/bool spellings plus the YAML 1.1 ones (yes, off, ...) that other readers still resolve.
    [GeneratedRegex(@"^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0x[0-9a-fA-F]+|0o[0-7]+)$")]
    private static partial Regex Ambiguous();
}
