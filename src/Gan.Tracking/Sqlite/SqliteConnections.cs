using Microsoft.Data.Sqlite;

namespace Gan.Tracking.Sqlite;

/// <summary>
/// Opens connections to a tracking database the way several processes can share it: write-ahead logging (readers
/// such as MLflow's UI never block writers), a busy timeout, and immediate write transactions so two writers queue
/// for the lock instead of failing with "database is locked" when one upgrades a read lock.
/// </summary>
internal static class SqliteConnections
{
    /// <summary>How long a statement waits for another process's write lock before SQLite reports busy.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Opens <paramref name="databasePath"/> for reading and writing, creating the file and its folder.</summary>
    public static SqliteConnection OpenReadWrite(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        var connection = Open(databasePath, SqliteOpenMode.ReadWriteCreate);
        // WAL persists in the file; asking again is cheap and returns the current mode. NORMAL sync is safe in WAL
        // mode (a crash loses at most the last commits, never the file's consistency) and keeps commits cheap.
        Execute(connection, "PRAGMA journal_mode = WAL");
        Execute(connection, "PRAGMA synchronous = NORMAL");
        Execute(connection, "PRAGMA foreign_keys = ON");
        return connection;
    }

    /// <summary>Opens an existing <paramref name="databasePath"/> read-only (for <c>gan runs</c>).</summary>
    public static SqliteConnection OpenReadOnly(string databasePath) => Open(databasePath, SqliteOpenMode.ReadOnly);

    /// <summary>Runs one statement without results.</summary>
    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null) =>
        Execute(connection, transaction, sql);

    /// <summary>Runs one statement without results, with its named parameters bound; returns the rows it changed.</summary>
    public static int Execute(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// A command for <paramref name="sql"/> inside <paramref name="transaction"/> with its named parameters bound;
    /// a null value binds SQL NULL.
    /// </summary>
    public static SqliteCommand Command(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static SqliteConnection Open(string databasePath, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString());
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}");
        return connection;
    }

    /// <summary>True for the errors another process's lock causes, which a later attempt may not meet.</summary>
    public static bool IsBusy(SqliteException ex) => ex.SqliteErrorCode is 5 or 6; // SQLITE_BUSY, SQLITE_LOCKED
}
