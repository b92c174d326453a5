namespace Gan.Abstractions;

/// <summary>Well-known names of <see cref="IDataShapeProvider.Sizes"/>, so that plugins of one kind of data agree (added in 1.1).</summary>
public static class DataSizes
{
    /// <summary>Image channels.</summary>
    public const string Channels = "channels";

    /// <summary>Image height in pixels.</summary>
    public const string Height = "height";

    /// <summary>Image width in pixels.</summary>
    public const string Width = "width";

    /// <summary>Tokens in a vocabulary, special tokens included.</summary>
    public const string VocabularySize = "vocab_size";

    /// <summary>Instrument tracks of a piano roll.</summary>
    public const string Tracks = "tracks";

    /// <summary>Bars per piano-roll segment.</summary>
    public const string Bars = "bars";

    /// <summary>Time steps per bar.</summary>
    public const string StepsPerBar = "steps_per_bar";

    /// <summary>Pitches of a piano roll.</summary>
    public const string Pitches = "pitches";

    /// <summary>Features per time step of a sequence.</summary>
    public const string Features = "features";

    /// <summary>Time steps per sequence.</summary>
    public const string SequenceLength = "sequence_length";
}
