using Gan.Abstractions;

namespace Gan.Engine.Health;

/// <summary>
/// Watches one generator–discriminator pair for a discriminator that keeps winning: its mean loss over the window
/// near zero, or its mean accuracy near one.
/// </summary>
internal sealed class DiscriminatorWatch
{
    private readonly WindowedCondition _lowLoss;
    private readonly WindowedCondition _highAccuracy;

    public DiscriminatorWatch(PlayerPair pair, HealthDefinition settings)
    {
        Pair = pair;
        // A loss near zero means "winning" only for losses bounded below by 0 (BCE, LSGAN, hinge); a Wasserstein
        // critic's loss is negative, so any negative value in the window rules the loss test out.
        _lowLoss = new WindowedCondition(settings.Window, (values, mean) => mean < settings.DLossBelow && values.All(v => v >= 0));
        _highAccuracy = new WindowedCondition(settings.Window, (_, mean) => mean >= settings.DAccAbove);
    }

    public PlayerPair Pair { get; }

    /// <summary>Adds this step's values; returns the first step of the winning window when the discriminator has just started to win.</summary>
    public long? Add(long step, IReadOnlyDictionary<string, double> values)
    {
        var started = false;
        if (values.TryGetValue(Pair.DiscriminatorLoss, out var loss))
        {
            started |= _lowLoss.Add(step, loss);
        }

        if (Pair.DiscriminatorAccuracy is { } accuracyKey && values.TryGetValue(accuracyKey, out var accuracy))
        {
            started |= _highAccuracy.Add(step, accuracy);
        }

        return started ? _lowLoss.Since ?? _highAccuracy.Since : null;
    }
}
