using Gan.Abstractions;
using Gan.Plugins.CycleGan.Training;
using static TorchSharp.torch;

namespace Gan.Plugins.CycleGan.Tests;

public sealed class ImagePoolTests
{
    private static Tensor Images(params float[] values) => tensor(values).view(-1, 1, 1, 1);

    private static float[] Values(Tensor images) => images.flatten().data<float>().ToArray();

    [Fact]
    public void While_filling_the_pool_returns_the_new_fakes_and_stores_them()
    {
        using var pool = new ImagePool(capacity: 4, seed: 1);
        using var scope = NewDisposeScope();

        var first = pool.Query(Images(1, 2, 3));

        Assert.Equal([1f, 2, 3], Values(first));
        Assert.Equal(3, pool.Count);
    }

    [Fact]
    public void Once_full_each_fake_is_returned_or_swapped_for_a_stored_one_and_the_pool_never_grows()
    {
        using var pool = new ImagePool(capacity: 3, seed: 5);
        using var scope = NewDisposeScope();
        pool.Query(Images(1, 2, 3));
        var seen = new HashSet<float>();

        for (var round = 0; round < 40; round++)
        {
            var fresh = 100f + round;
            var returned = Values(pool.Query(Images(fresh)));
            Assert.Single(returned);
            seen.Add(returned[0]);
            Assert.Equal(3, pool.Count);
        }

        // About half the time the new fake comes back, otherwise an older one from the pool.
        var fresh40 = Enumerable.Range(0, 40).Select(r => 100f + r).ToHashSet();
        Assert.Contains(seen, v => fresh40.Contains(v));
        Assert.Contains(seen, v => v is 1 or 2 or 3);
    }

    [Fact]
    public void Pool_outlives_the_step_scope_that_created_its_images()
    {
        using var pool = new ImagePool(capacity: 2, seed: 3);
        using (NewDisposeScope())
        {
            pool.Query(Images(7, 8));
        }

        using var scope = NewDisposeScope();
        var values = new List<float>();
        for (var i = 0; i < 20; i++)
        {
            values.AddRange(Values(pool.Query(Images(9))));
        }

        Assert.Contains(values, v => v is 7 or 8);
    }

    [Fact]
    public void Pool_of_size_zero_passes_fakes_through()
    {
        using var pool = new ImagePool(capacity: 0, seed: 1);
        using var scope = NewDisposeScope();

        Assert.Equal([4f, 5], Values(pool.Query(Images(4, 5))));
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public void A_restored_pool_answers_every_later_query_exactly_as_the_original()
    {
        using var original = new ImagePool(capacity: 3, seed: 5);
        using var restored = new ImagePool(capacity: 3, seed: 99);
        using var scope = NewDisposeScope();
        original.Query(Images(1, 2, 3));
        original.Query(Images(4, 5));
        using (var state = new ComponentState("trainer"))
        {
            original.SaveState(state, "pool");
            restored.LoadState(state, "pool", CPU);
        }

        Assert.Equal(3, restored.Count);
        for (var round = 0; round < 20; round++)
        {
            Assert.Equal(Values(original.Query(Images(10f + round, 50f + round))), Values(restored.Query(Images(10f + round, 50f + round))));
        }
    }
}
