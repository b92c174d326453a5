using Gan.Abstractions;
using Microsoft.Data.Sqlite;

namespace Gan.Tracking.Sqlite;

/// <summary>
/// Creates MLflow's schema in a new database, or checks that an existing one (created or upgraded by any MLflow
/// version) has every table and column this store writes, before the first run touches it.
/// </summary>
internal static class SqliteSchemaGuard
{
    // Tables whose rows this store inserts: a column it does not know must be nullable or have a default there.
    private static readonly string[] InsertedTables =
    [
        "experiments", "runs", "tags", "params", "metrics", "latest_metrics", "datasets", "inputs", "input_tags",
        "logged_models", "logged_model_params", "logged_model_tags", "logged_model_metrics",
    ];

    /// <summary>Creates or verifies the schema; returns the database's alembic revision.</summary>
    /// <exception cref="GanInputException">The file is not an MLflow database this store can write.</exception>
    public static string Ensure(SqliteConnection connection, string databasePath, string artifactRoot, long nowMs)
    {
        // An immediate transaction: two processes starting on a new file agree on one creator.
        using var transaction = connection.BeginTransaction();
        var tables = TableNames(connection, transaction);
        if (tables.Count == 0)
        {
            Create(connection, transaction, artifactRoot, nowMs);
            transaction.Commit();
            return MlflowSqliteSchema.Revision;
        }

        var revision = Verify(connection, transaction, tables, databasePath);
        transaction.Commit();
        return revision;
    }

    /// <summary>The error for a file SQLite cannot read as a database, naming it.</summary>
    public static GanInputException NotADatabase(string databasePath, SqliteException ex) =>
        new($"Tracking database {databasePath} cannot be opened ({ex.Message.TrimEnd('.')}). Point tracking.uri at another file, "
            + "or move this one away and start again.");

    private static void Create(SqliteConnection connection, SqliteTransaction transaction, string artifactRoot, long nowMs)
    {
        foreach (var statement in MlflowSqliteSchema.CreateStatements())
        {
            SqliteConnections.Execute(connection, statement, transaction);
        }

        SqliteConnections.Execute(connection, transaction, "INSERT INTO alembic_version (version_num) VALUES ($v)", ("$v", MlflowSqliteSchema.Revision));

        // MLflow's SqlAlchemyStore creates the Default experiment, id 0, with every new database.
        SqliteConnections.Execute(connection, transaction,
            "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time) " +
            "VALUES ($id, $name, $location, 'active', $now, $now)",
            ("$id", MlflowSqliteSchema.DefaultExperimentId), ("$name", MlflowSqliteSchema.DefaultExperimentName),
            ("$location", SqliteArtifactPaths.ExperimentLocation(artifactRoot, MlflowSqliteSchema.DefaultExperimentId)), ("$now", nowMs));
    }

    private static string Verify(SqliteConnection connection, SqliteTransaction transaction, HashSet<string> tables, string databasePath)
    {
        var revision = tables.Contains("alembic_version") ? ReadRevision(connection, transaction) : null;
        string Problem(string what) =>
            $"Tracking database {databasePath} (MLflow schema revision {revision ?? "unknown"}) {what}. This store writes "
            + $"{MlflowSqliteSchema.SupportedVersions}. If an older MLflow created it, run "
            + $"'mlflow db upgrade {SqliteStoreLocation.UriFor(databasePath)}'; otherwise point tracking.uri at another database.";

        if (revision is null && !tables.Contains("experiments"))
        {
            throw new GanInputException(
                $"Tracking database {databasePath} is not an MLflow database (it has tables {string.Join(", ", tables.Order())} but no "
                + "'experiments' or 'alembic_version'). Point tracking.uri at another file.");
        }

        foreach (var (table, required) in MlflowSqliteSchema.RequiredColumns)
        {
            if (!tables.Contains(table))
            {
                throw new GanInputException(Problem($"has no table '{table}'"));
            }

            var columns = Columns(connection, transaction, table);
            if (required.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
            {
                throw new GanInputException(Problem($"has no column '{table}.{missing}'"));
            }

            if (InsertedTables.Contains(table)
                && columns.Values.FirstOrDefault(c => c.NotNull && !c.HasDefault && !c.IsRowId && !required.Contains(c.Name)) is { } unknown)
            {
                throw new GanInputException(Problem(
                    $"requires a value for column '{table}.{unknown.Name}', which this store does not know (a newer MLflow schema)"));
            }
        }

        if (revision is null)
        {
            throw new GanInputException(Problem("has no alembic_version row, so MLflow would not open it either"));
        }

        return revision;
    }

    private static HashSet<string> TableNames(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = SqliteConnections.Command(connection, transaction, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        using var reader = command.ExecuteReader();
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static string? ReadRevision(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = SqliteConnections.Command(connection, transaction, "SELECT version_num FROM alembic_version");
        return command.ExecuteScalar() as string;
    }

    private static Dictionary<string, ColumnInfo> Columns(SqliteConnection connection, SqliteTransaction transaction, string table)
    {
        using var command = SqliteConnections.Command(connection, transaction,
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info($table)", ("$table", table));
        using var reader = command.ExecuteReader();
        var rows = new List<(string Name, string Type, bool NotNull, bool HasDefault, long Pk)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2) != 0, !reader.IsDBNull(3), reader.GetInt64(4)));
        }

        // A single INTEGER primary key is SQLite's rowid: it fills itself in.
        var rowId = rows.Count(r => r.Pk > 0) == 1 ? rows.FirstOrDefault(r => r.Pk > 0 && string.Equals(r.Type, "INTEGER", StringComparison.OrdinalIgnoreCase)).Name : null;
        return rows.ToDictionary(
            r => r.Name,
            r => new ColumnInfo(r.Name, r.NotNull, r.HasDefault, r.Name == rowId),
            StringComparer.Ordinal);
    }

    private sealed record ColumnInfo(string Name, bool NotNull, bool HasDefault, bool IsRowId);
}
