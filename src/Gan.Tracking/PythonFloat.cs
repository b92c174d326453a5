using System.Globalization;
using System.Text;

namespace Gan.Tracking;

/// <summary>
/// Formats doubles the way Python's <c>repr(float)</c> does, because MLflow's file store writes metric lines
/// with <c>f"{value}"</c>: shortest round-trip digits, <c>nan</c>/<c>inf</c>, scientific notation outside
/// 1e-4..1e16. Lines we write are then byte-identical to MLflow's, and parse back to the same double.
/// </summary>
internal static class PythonFloat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var sign = double.IsNegative(value) ? "-" : string.Empty;

        // .NET's "R" is the shortest string that round-trips; re-lay its digits out in Python's style.
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var ePos = text.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exponent = int.Parse(text.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..ePos];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? text : text.Remove(dot, 1);
        var integerLength = dot < 0 ? text.Length : dot;
        var leadingZeros = digits.Length - digits.TrimStart('0').Length;
        digits = digits[leadingZeros..].TrimEnd('0');
        integerLength -= leadingZeros;
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        // Decimal exponent of the first significant digit.
        var scientific = integerLength - 1 + exponent;
        var builder = new StringBuilder(sign, 32);
        if (scientific is >= -4 and < 16)
        {
            if (scientific >= 0)
            {
                var whole = digits.Length > scientific + 1 ? digits[..(scientific + 1)] : digits.PadRight(scientific + 1, '0');
                var fraction = digits.Length > scientific + 1 ? digits[(scientific + 1)..] : "0";
                builder.Append(whole).Append('.').Append(fraction);
            }
            else
            {
                builder.Append("0.").Append('0', -scientific - 1).Append(digits);
            }
        }
        else
        {
            builder.Append(digits[0]);
            if (digits.Length > 1)
            {
                builder.Append('.').Append(digits, 1, digits.Length - 1);
            }

            builder.Append('e').Append(scientific < 0 ? '-' : '+')
                .Append(Math.Abs(scientific).ToString("00", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Parses what Python's <c>float()</c> accepts in metric files (including <c>nan</c>, <c>inf</c>).</summary>
    public static bool TryParse(string text, out double value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "nan" or "+nan" or "-nan":
                value = double.NaN;
                return true;
            case "inf" or "+inf" or "infinity" or "+infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }
}
