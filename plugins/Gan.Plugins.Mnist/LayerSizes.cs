using System.ComponentModel.DataAnnotations;

namespace Gan.Plugins.Mnist;

/// <summary>Shared check of hidden-layer widths, which DataAnnotations cannot express per list element.</summary>
internal static class LayerSizes
{
    /// <summary>One result per width that is not positive.</summary>
    public static IEnumerable<ValidationResult> Validate(IReadOnlyList<int>? sizes, string member)
    {
        if (sizes is null)
        {
            yield break;
        }

        for (var i = 0; i < sizes.Count; i++)
        {
            if (sizes[i] < 1)
            {
                yield return new ValidationResult($"{member}[{i}] is {sizes[i]}; layer widths must be at least 1.", [member]);
            }
        }
    }
}
