using System.Text;

namespace Gan.Tracking;

/// <summary>
/// MLflow's rules for keys and values, shared by every backend so a run looks the same wherever it is recorded.
/// Limits follow mlflow/utils/validation.py (MAX_ENTITY_KEY_LENGTH, MAX_PARAM_VAL_LENGTH, MAX_TAG_VAL_LENGTH).
/// </summary>
public static class TrackingKeys
{
    /// <summary>Longest metric, param or tag key MLflow accepts.</summary>
    public const int MaxKeyLength = 250;

    /// <summary>Longest param value MLflow accepts; longer values are truncated.</summary>
    public const int MaxParamValueLength = 6000;

    /// <summary>Longest tag value MLflow accepts; longer values are truncated.</summary>
    public const int MaxTagValueLength = 8000;

    /// <summary>Prefix of the tag recording that a param or tag value was truncated: <c>gan.truncated.&lt;key&gt;</c>.</summary>
    public const string TruncatedTagPrefix = "gan.truncated.";

    /// <summary>
    /// Prefix of the tags on a run naming its copies in the extra trackers (<c>tracking.also</c>):
    /// <c>gan.tracking.also.&lt;n&gt;</c> = "&lt;run id&gt; (&lt;store&gt;)", n counting the list's entries from 0.
    /// </summary>
    public const string AlsoTagPrefix = "gan.tracking.also.";

    /// <summary>Tag on a run of an extra tracker (<c>tracking.also</c>) holding the id of the run it copies.</summary>
    public const string PrimaryRunTag = "gan.tracking.primary_run_id";

    /// <summary>Tag MLflow's UI reads to decide whether a run has step-indexed images.</summary>
    public const string LoggedImagesTag = MlflowTags.LoggedImages;

    /// <summary>Tag holding the run's display name.</summary>
    public const string RunNameTag = MlflowTags.RunName;

    /// <summary>Tag linking a nested run to its parent.</summary>
    public const string ParentRunIdTag = MlflowTags.ParentRunId;

    /// <summary>
    /// Makes <paramref name="key"/> a valid metric key: characters other than letters, digits, <c>_ - . space : /</c>
    /// become <c>_</c> (<c>:</c> too on Windows, where it cannot appear in a file name), at most
    /// <see cref="MaxKeyLength"/> characters, and no empty, <c>.</c> or <c>..</c> path segment (MLflow stores
    /// keys as file paths and rejects names that would resolve to another path).
    /// </summary>
    public static string SanitizeMetricKey(string key) => SanitizeKey(key);

    /// <summary>Same rules as <see cref="SanitizeMetricKey"/>, which MLflow applies to param and tag keys as well.</summary>
    public static string SanitizeKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "_";
        }

        if (IsValidKey(key))
        {
            return key;
        }

        var text = key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(IsAllowedKeyChar(c) ? c : '_');
        }

        // Mirror posixpath.normpath(key) == key: no empty segments, no "." or ".." segments, no leading or
        // trailing slash. Replacements keep the length, so the limit still holds.
        var segments = builder.ToString().Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(segment => segment switch
            {
                "." => "_",
                ".." => "__",
                _ => segment,
            });
        var joined = string.Join('/', segments);
        return joined.Length == 0 ? "_" : joined;
    }

    /// <summary>True when MLflow would accept <paramref name="key"/> as a metric, param or tag key unchanged.</summary>
    public static bool IsValidKey(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!IsAllowedKeyChar(c))
            {
                return false;
            }
        }

        if (key[0] == '/' || key[^1] == '/')
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Makes <paramref name="key"/> a valid image key for MLflow's <c>log_image(key=...)</c>, whose rule is stricter
    /// than metric keys: ASCII letters and digits, <c>_ - . space /</c> only.
    /// </summary>
    public static string SanitizeImageKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "_";
        }

        var text = key.Length > MaxKeyLength ? key[..MaxKeyLength] : key;
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ' ' or '/' ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>
    /// Cuts <paramref name="value"/> to <paramref name="limit"/> characters (never splitting a surrogate pair) and
    /// says whether it had to. Callers log the truncation and record it with <see cref="TruncatedTagKey"/>.
    /// </summary>
    public static string Truncate(string value, int limit, out bool truncated)
    {
        ArgumentNullException.ThrowIfNull(value);
        truncated = value.Length > limit;
        if (!truncated)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[limit - 1]) ? limit - 1 : limit;
        return value[..cut];
    }

    /// <summary>The tag key recording that <paramref name="key"/>'s value was truncated.</summary>
    public static string TruncatedTagKey(string key) => SanitizeKey(TruncatedTagPrefix + key);

    /// <summary>The value of the truncation tag: how long the value was and what was kept.</summary>
    public static string TruncationNote(int originalLength, int keptLength) =>
        $"value of {originalLength} characters truncated to {keptLength}";

    private static bool IsAllowedKeyChar(char c) =>
        char.IsLetterOrDigit(c)
        || c is '_' or '-' or '.' or ' ' or '/'
        || (c == ':' && !OperatingSystem.IsWindows());
}
