using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Gan.Configuration;

/// <summary>
/// Reads member summaries from the XML documentation file the compiler writes beside an assembly
/// (<c>GenerateDocumentationFile</c>), so an options property documented only with a doc comment still has help text.
/// </summary>
/// <remarks>
/// Hand-written: the feed has no package that reads compiler documentation files, and it is one XML query.
/// Files are read once per assembly and kept for the life of the process.
/// </remarks>
public static class XmlDocumentation
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyDictionary<string, string>> Summaries = new();

    /// <summary>The property's <c>&lt;summary&gt;</c> as one line of plain text, or null when there is none.</summary>
    public static string? SummaryOf(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var type = property.DeclaringType;
        if (type?.FullName is null)
        {
            return null;
        }

        var summaries = Summaries.GetOrAdd(type.Assembly, Load);
        // Documentation IDs name nested types with '.' where reflection uses '+'.
        return summaries.GetValueOrDefault($"P:{type.FullName.Replace('+', '.')}.{property.Name}");
    }

    private static IReadOnlyDictionary<string, string> Load(Assembly assembly)
    {
        if (assembly.IsDynamic || string.IsNullOrEmpty(assembly.Location))
        {
            return None;
        }

        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            return None;
        }

        try
        {
            return XDocument.Load(path).Descendants("member")
                .Select(member => (Id: (string?)member.Attribute("name"), Summary: member.Element("summary")))
                .Where(m => m.Id is not null && m.Summary is not null)
                .GroupBy(m => m.Id!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => PlainText(g.First().Summary!), StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            // Help text is a convenience: a damaged documentation file must not stop the plugin or its listing.
            return None;
        }
    }

    private static string PlainText(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.DescendantNodes())
        {
            switch (node)
            {
                case XText part:
                    text.Append(part.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } reference when !reference.Nodes().Any():
                    text.Append((string?)reference.Attribute("langword") ?? ShortName((string?)reference.Attribute("cref"))
                        ?? (string?)reference.Attribute("href"));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } parameter:
                    text.Append((string?)parameter.Attribute("name"));
                    break;
            }
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary><c>T:Acme.Faces.FaceOptions</c> → <c>FaceOptions</c>; <c>M:A.B.Run(System.Int32)</c> → <c>Run</c>.</summary>
    private static string? ShortName(string? cref)
    {
        if (string.IsNullOrEmpty(cref))
        {
            return null;
        }

        var name = cref.Contains(':', StringComparison.Ordinal) ? cref[(cref.IndexOf(':', StringComparison.Ordinal) + 1)..] : cref;
        var parameters = name.IndexOf('(', StringComparison.Ordinal);
        if (parameters >= 0)
        {
            name = name[..parameters];
        }

        return name[(name.LastIndexOf('.') + 1)..];
    }
}
