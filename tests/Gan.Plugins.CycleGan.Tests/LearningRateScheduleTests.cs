using Gan.Plugins.CycleGan.Training;

namespace Gan.Plugins.CycleGan.Tests;

public sealed class LearningRateScheduleTests
{
    [Theory]
    [InlineData(0, 1.0)]            // first epoch
    [InlineData(99, 1.0)]           // last epoch at the initial rate (epoch 100 of 200)
    [InlineData(100, 100.0 / 101)]  // first decayed epoch
    [InlineData(150, 50.0 / 101)]
    [InlineData(199, 1.0 / 101)]    // last epoch of 200
    [InlineData(250, 0.0)]          // past the schedule: never negative
    public void Paper_schedule_is_constant_for_100_epochs_then_linear_to_zero(int epoch, double factor) =>
        Assert.Equal(factor, LinearDecaySchedule.Factor(epoch, nEpochs: 100, nEpochsDecay: 100), precision: 12);

    [Fact]
    public void Rate_of_2e4_is_halved_halfway_through_the_decay()
    {
        var rate = 2e-4 * LinearDecaySchedule.Factor(3, nEpochs: 2, nEpochsDecay: 3);

        Assert.Equal(2e-4 * 2 / 4, rate, precision: 12);
    }
}
