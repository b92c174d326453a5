using Gan.Engine.Training;

namespace Gan.Engine.Tests.Training;

public sealed class GitInfoTests
{
    private const string MainCommit = "0123456789abcdef0123456789abcdef01234567";
    private const string FeatureCommit = "fedcba9876543210fedcba9876543210fedcba98";

    [Fact]
    public void A_checkout_gives_commit_branch_and_origin_url_without_credentials()
    {
        using var temp = new TemporaryDirectory();
        WriteRepository(temp);
        var experiment = temp.WriteFile(Path.Combine("repo", "experiments", "mnist.yaml"), "name: x\n");

        var git = GitInfo.Of(experiment);

        Assert.Equal(new GitSource(MainCommit, "main", "https://github.com/example/gan.git"), git);
    }

    [Fact]
    public void A_worktree_whose_dot_git_is_a_file_reads_its_own_head_and_the_common_refs_and_config()
    {
        using var temp = new TemporaryDirectory();
        WriteRepository(temp);
        // What `git worktree add ../wt feature` leaves: wt/.git is a file, the worktree's HEAD lives under
        // .git/worktrees/wt, and its branch is only in packed-refs of the common folder.
        temp.WriteFile(Path.Combine("wt", ".git"), $"gitdir: {temp.Combine("repo", ".git", "worktrees", "wt")}\n");
        temp.WriteFile(Path.Combine("repo", ".git", "worktrees", "wt", "HEAD"), "ref: refs/heads/feature/ema\n");
        temp.WriteFile(Path.Combine("repo", ".git", "worktrees", "wt", "commondir"), "../..\n");
        temp.WriteFile(Path.Combine("repo", ".git", "packed-refs"), $"# pack-refs with: peeled fully-peeled sorted\n{FeatureCommit} refs/heads/feature/ema\n");
        var experiment = temp.WriteFile(Path.Combine("wt", "experiments", "a.yaml"), "name: x\n");

        var git = GitInfo.Of(experiment);

        Assert.Equal(new GitSource(FeatureCommit, "feature/ema", "https://github.com/example/gan.git"), git);
    }

    [Fact]
    public void A_submodule_with_a_relative_gitdir_and_a_detached_head_has_no_branch()
    {
        using var temp = new TemporaryDirectory();
        temp.WriteFile(Path.Combine("super", "libs", "sub", ".git"), "gitdir: ../../.git/modules/sub\n");
        temp.WriteFile(Path.Combine("super", ".git", "modules", "sub", "HEAD"), FeatureCommit + "\n");
        temp.WriteFile(Path.Combine("super", ".git", "modules", "sub", "config"), "[remote \"origin\"]\n\turl = git@github.com:example/sub.git\n");
        var experiment = temp.WriteFile(Path.Combine("super", "libs", "sub", "e.yaml"), "name: x\n");

        Assert.Equal(new GitSource(FeatureCommit, null, "git@github.com:example/sub.git"), GitInfo.Of(experiment));
    }

    [Fact]
    public void Outside_a_checkout_there_is_nothing()
    {
        using var temp = new TemporaryDirectory();
        Assert.Null(GitInfo.Of(temp.WriteFile("e.yaml", "name: x\n")));
    }

    private static void WriteRepository(TemporaryDirectory temp)
    {
        temp.WriteFile(Path.Combine("repo", ".git", "HEAD"), "ref: refs/heads/main\n");
        temp.WriteFile(Path.Combine("repo", ".git", "refs", "heads", "main"), MainCommit + "\n");
        temp.WriteFile(Path.Combine("repo", ".git", "config"),
            "[core]\n\tbare = false\n[remote \"upstream\"]\n\turl = https://example.org/other.git\n[remote \"origin\"]\n\turl = https://ci-bot:s3cret@github.com/example/gan.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
    }
}
