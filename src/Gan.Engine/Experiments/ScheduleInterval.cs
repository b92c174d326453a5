namespace Gan.Engine.Experiments;

/// <summary>What a schedule counts: optimiser steps or finished epochs.</summary>
public enum ScheduleInterval
{
    /// <summary>Finished epochs of the stage (torch's usual <c>scheduler.step()</c> once per epoch).</summary>
    Epoch,

    /// <summary>Training steps of the stage.</summary>
    Step,
}
