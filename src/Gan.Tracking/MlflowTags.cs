namespace Gan.Tracking;

/// <summary>
/// Every <c>mlflow.*</c> system tag this project writes or reads, in one place (names from mlflow/utils/mlflow_tags.py
/// and mlflow/data/..., as MLflow's UI reads them).
/// </summary>
public static class MlflowTags
{
    /// <summary>The run's display name.</summary>
    public const string RunName = "mlflow.runName";

    /// <summary>Links a nested run to its parent.</summary>
    public const string ParentRunId = "mlflow.parentRunId";

    /// <summary>The user who started the run.</summary>
    public const string User = "mlflow.user";

    /// <summary>What started the run (<c>LOCAL</c> for a program on this machine).</summary>
    public const string SourceType = "mlflow.source.type";

    /// <summary>The program or file that started the run.</summary>
    public const string SourceName = "mlflow.source.name";

    /// <summary>The git commit of the source.</summary>
    public const string SourceGitCommit = "mlflow.source.git.commit";

    /// <summary>The git branch of the source.</summary>
    public const string SourceGitBranch = "mlflow.source.git.branch";

    /// <summary>The git remote of the source.</summary>
    public const string SourceGitRepoUrl = "mlflow.source.git.repoURL";

    /// <summary>The run's description, shown as its note.</summary>
    public const string NoteContent = "mlflow.note.content";

    /// <summary>Whether the run has step-indexed images, read by MLflow's UI.</summary>
    public const string LoggedImages = "mlflow.loggedImages";

    /// <summary>A dataset input's context (<c>train</c>, <c>eval</c>, ...).</summary>
    public const string DataContext = "mlflow.data.context";

    /// <summary>The source type MLflow's client sets for a local program.</summary>
    public const string LocalSource = "LOCAL";
}
