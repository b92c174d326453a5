using System.Globalization;
using static TorchSharp.torch;

namespace Gan.Abstractions;

/// <summary>
/// The saved state of one <see cref="IStatefulComponent"/>: named scalars and strings (kept in the checkpoint's
/// <c>state.json</c>) and named tensors (kept in a binary file beside it). Tensors are stored as detached CPU copies,
/// so a component may keep using and changing its own tensors after saving them.
/// </summary>
public sealed class ComponentState : IDisposable
{
    private readonly Dictionary<string, string> _values;
    private readonly Dictionary<string, Tensor> _tensors;

    /// <summary>An empty state for the component called <paramref name="owner"/> (used in error messages).</summary>
    public ComponentState(string owner)
        : this(owner, new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, Tensor>(StringComparer.Ordinal))
    {
    }

    /// <summary>A state read back from a checkpoint; takes ownership of <paramref name="tensors"/>.</summary>
    public ComponentState(string owner, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, Tensor> tensors)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        Owner = owner;
        _values = new Dictionary<string, string>(values, StringComparer.Ordinal);
        _tensors = new Dictionary<string, Tensor>(tensors, StringComparer.Ordinal);
    }

    /// <summary>Which component the state belongs to, for example <c>trainer</c> or <c>metric:fid</c>.</summary>
    public string Owner { get; }

    /// <summary>The scalar and string values, as stored.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>The tensors, as stored (owned by this state).</summary>
    public IReadOnlyDictionary<string, Tensor> Tensors => _tensors;

    /// <summary>True when nothing has been saved.</summary>
    public bool IsEmpty => _values.Count == 0 && _tensors.Count == 0;

    /// <summary>Stores a string.</summary>
    public void Set(string key, string value) => _values[CheckKey(key)] = value;

    /// <summary>Stores a number; it reads back bit-identical.</summary>
    public void Set(string key, double value) => Set(key, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Stores an integer.</summary>
    public void Set(string key, long value) => Set(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Stores an unsigned integer, for example a random generator's state.</summary>
    public void Set(string key, ulong value) => Set(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Stores a flag.</summary>
    public void Set(string key, bool value) => Set(key, value ? "true" : "false");

    /// <summary>Stores a detached CPU copy of <paramref name="value"/>.</summary>
    public void SetTensor(string key, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var copy = value.detach().to(CPU).clone().DetachFromDisposeScope();
        if (_tensors.Remove(CheckKey(key), out var previous))
        {
            previous.Dispose();
        }

        _tensors[key] = copy;
    }

    /// <summary>True when a value or tensor named <paramref name="key"/> was saved.</summary>
    public bool Contains(string key) => _values.ContainsKey(key) || _tensors.ContainsKey(key);

    /// <summary>The string saved under <paramref name="key"/>.</summary>
    public string GetString(string key) => _values.TryGetValue(key, out var value) ? value : throw Missing(key);

    /// <summary>The number saved under <paramref name="key"/>.</summary>
    public double GetDouble(string key) => Parse(key, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>The integer saved under <paramref name="key"/>.</summary>
    public long GetInt64(string key) => Parse(key, s => long.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));

    /// <summary>The unsigned integer saved under <paramref name="key"/>.</summary>
    public ulong GetUInt64(string key) => Parse(key, s => ulong.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));

    /// <summary>The flag saved under <paramref name="key"/>.</summary>
    public bool GetBoolean(string key) => Parse(key, bool.Parse);

    /// <summary>
    /// The tensor saved under <paramref name="key"/>, on the CPU. It belongs to this state: copy it into the
    /// component's own tensor (<c>copy_</c>) or clone it, and move it to the training device.
    /// </summary>
    public Tensor GetTensor(string key) => _tensors.TryGetValue(key, out var tensor) ? tensor : throw Missing(key);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var tensor in _tensors.Values)
        {
            tensor.Dispose();
        }

        _tensors.Clear();
    }

    private T Parse<T>(string key, Func<string, T> parse)
    {
        var text = GetString(key);
        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            throw new GanInputException($"The checkpoint's state of {Owner} has '{text}' under '{key}', which is not a {typeof(T).Name}.");
        }
    }

    private static string CheckKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return key;
    }

    private GanInputException Missing(string key) => new(
        $"The checkpoint's state of {Owner} has no '{key}' (saved keys: {string.Join(", ", _values.Keys.Concat(_tensors.Keys).Order(StringComparer.Ordinal))}). " +
        "It was probably written by another version of the component; resume from a checkpoint of this version.");
}
