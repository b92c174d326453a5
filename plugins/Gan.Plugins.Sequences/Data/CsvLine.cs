using System.Text;

namespace Gan.Plugins.Sequences.Data;

/// <summary>
/// Splits one CSV record into fields (RFC 4180 quoting: "a, b" and doubled "" inside quotes). Hand-written:
/// reading one numeric column does not justify a private CSV dependency in every plugin folder.
/// Records spanning several lines (newlines inside quotes) are not supported.
/// </summary>
internal static class CsvLine
{
    /// <summary>The fields of <paramref name="line"/>, unquoted, separated by <paramref name="delimiter"/>.</summary>
    public static List<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
