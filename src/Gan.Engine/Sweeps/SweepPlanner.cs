using System.Globalization;
using Gan.Abstractions;

namespace Gan.Engine.Sweeps;

/// <summary>Expands swept parameters into trials: the grid's combinations or seeded random draws, within the budget.</summary>
public static class SweepPlanner
{
    /// <summary>The trials of a sweep.</summary>
    public static IReadOnlyList<SweepTrial> Expand(IReadOnlyList<SweepParameter> parameters, SweepMethod method, int? maxTrials, int seed)
    {
        if (parameters.Count == 0)
        {
            throw new GanInputException("The sweep has no parameters: add sweep.parameters to the experiment or pass --sweep key=a,b,c.");
        }

        var duplicate = parameters.GroupBy(p => p.Key).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new GanInputException($"The sweep varies '{duplicate.Key}' twice.");
        }

        // asha draws its trials as random search does when given a budget, else it takes the grid.
        var random = method == SweepMethod.Random || (method == SweepMethod.Asha && maxTrials is not null);
        return random ? Random(parameters, maxTrials, seed) : Grid(parameters, maxTrials);
    }

    private static List<SweepTrial> Grid(IReadOnlyList<SweepParameter> parameters, int? maxTrials)
    {
        if (parameters.FirstOrDefault(p => p.IsRange) is { } range)
        {
            throw new GanInputException($"sweep.parameters.{range.Key}: a {{min, max}} range needs method: random (or asha with max_trials); a grid needs a list of values.");
        }

        IEnumerable<IReadOnlyList<string>> combinations = [[]];
        foreach (var parameter in parameters)
        {
            var current = combinations;
            combinations = current.SelectMany(prefix => parameter.Values.Select(v => (IReadOnlyList<string>)[.. prefix, $"{parameter.Key}={v}"]));
        }

        return combinations.Take(maxTrials ?? int.MaxValue).Select((overrides, i) => new SweepTrial(i, overrides)).ToList();
    }

    private static List<SweepTrial> Random(IReadOnlyList<SweepParameter> parameters, int? maxTrials, int seed)
    {
        if (maxTrials is not { } budget)
        {
            throw new GanInputException("A random sweep needs a trial budget: set sweep.max_trials.");
        }

        // SeededRandom rather than System.Random: the same seed draws the same trials on every .NET version.
        var random = new Gan.Toolkit.SeededRandom(seed, stream: 0x5EE9);
        var trials = new List<SweepTrial>(budget);
        for (var i = 0; i < budget; i++)
        {
            trials.Add(new SweepTrial(i, parameters.Select(p => $"{p.Key}={Draw(p, random)}").ToList()));
        }

        return trials;
    }

    private static string Draw(SweepParameter parameter, Gan.Toolkit.SeededRandom random)
    {
        if (!parameter.IsRange)
        {
            return parameter.Values[random.Next(parameter.Values.Count)];
        }

        var (min, max) = (parameter.Min!.Value, parameter.Max!.Value);
        var value = parameter.Log
            ? Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min)))
            : min + random.NextDouble() * (max - min);
        return parameter.Integer
            ? ((long)Math.Round(value)).ToString(CultureInfo.InvariantCulture)
            : value.ToString("G6", CultureInfo.InvariantCulture);
    }
}
