using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gan.Engine.Training;

/// <summary>
/// One console line for a metric evaluation (<c>quality: fid 78.8 · inception_score 5.4 · class_0..9: 10 values</c>)
/// instead of a log line per key: a shared prefix is said once, numbered families (<c>class_0</c> … <c>class_9</c>)
/// are counted rather than listed, and past a few items the line says how many more the run holds.
/// </summary>
internal static partial class MetricLine
{
    private const int MaxItems = 8;

    public static string Format(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return "(no values)";
        }

        var keys = values.Keys.ToList();
        var prefix = SharedPrefix(keys);
        var items = new List<string>();
        var families = keys
            .Select(k => (Key: k, Match: Numbered().Match(k[prefix.Length..])))
            .Where(x => x.Match.Success)
            .GroupBy(x => x.Match.Groups["stem"].Value, StringComparer.Ordinal)
            .Where(g => g.Count() >= 3)
            .ToDictionary(g => g.Key, g => g.Select(x => long.Parse(x.Match.Groups["n"].Value, CultureInfo.InvariantCulture)).Order().ToList(), StringComparer.Ordinal);
        var shownFamilies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var name = key[prefix.Length..];
            var match = Numbered().Match(name);
            if (match.Success && families.TryGetValue(match.Groups["stem"].Value, out var numbers))
            {
                if (shownFamilies.Add(match.Groups["stem"].Value))
                {
                    items.Add(string.Create(CultureInfo.InvariantCulture, $"{match.Groups["stem"].Value}{numbers[0]}..{numbers[^1]}: {numbers.Count} values"));
                }

                continue;
            }

            items.Add(name + " " + values[key].ToString("G4", CultureInfo.InvariantCulture));
        }

        var line = new StringBuilder();
        if (prefix.Length > 0)
        {
            line.Append(prefix.TrimEnd('/')).Append(": ");
        }

        line.AppendJoin(" · ", items.Take(MaxItems));
        if (items.Count > MaxItems)
        {
            line.Append(CultureInfo.InvariantCulture, $" · +{items.Count - MaxItems} more in the run");
        }

        return line.ToString();
    }

    // The longest "a/b/" every key starts with (whole path segments only).
    private static string SharedPrefix(List<string> keys)
    {
        var first = keys[0];
        for (var end = first.LastIndexOf('/'); end > 0; end = first.LastIndexOf('/', end - 1))
        {
            var candidate = first[..(end + 1)];
            if (keys.All(k => k.StartsWith(candidate, StringComparison.Ordinal) && k.Length > candidate.Length))
            {
                return candidate;
            }
        }

        return string.Empty;
    }

    [GeneratedRegex(@"^(?<stem>.*[_/])(?<n>\d+)$")]
    private static partial Regex Numbered();
}
