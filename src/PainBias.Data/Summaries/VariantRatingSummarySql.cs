using PainBias.Core.Domain;

namespace PainBias.Data.Summaries;

/// <summary>
/// The triggers that keep <c>VariantRatingSummaries</c> equal to a recount of <c>Assessments</c> on every write path
/// (tracked SaveChanges, ExecuteUpdate/ExecuteDelete, raw SQL, COPY), and the backfill that fills it from the ratings
/// already stored. PostgreSQL gets statement-level triggers over transition tables, so a bulk update or a COPY of a
/// million rows costs one grouped upsert; SQLite, which only has row triggers, adds and subtracts one rating at a time.
/// Both apply the same per-rating contribution (<see cref="Contributions"/>). The migrations call these builders, so a
/// change here needs a new migration that drops and recreates the triggers, and older migrations must pin what they
/// built (as the first one pins <see cref="FirstReasons"/>). A SQLite migration that rebuilds the
/// Assessments table drops its triggers: such a migration must run <see cref="SqliteCreate"/> again.
/// </summary>
public static class VariantRatingSummarySql
{
    private const string Table = "\"VariantRatingSummaries\"";
    private const string Keys = "\"VariantId\", \"Platform\", \"StudyId\"";

    /// <summary>Assessment columns whose change moves a summary; SQLite's update trigger fires on these only.</summary>
    public static readonly IReadOnlyList<string> WatchedColumns =
    [
        "VariantId", "Platform", "StudyId", "Included", "ExclusionReasons", "Pspi",
        "Au4", "Au6", "Au7", "Au9", "Au10", "Au43", "PerceivedRaceAnswer", "PerceivedAgeAnswer", "LooksEditedAnswer",
    ];

    /// <summary>The reasons the first summaries migration counted; that migration must keep building its SQL from these.</summary>
    public static readonly IReadOnlyList<ExclusionReason> FirstReasons =
    [
        ExclusionReason.FailedScreening, ExclusionReason.FailedAttention, ExclusionReason.TooFast,
        ExclusionReason.DuplicateWorker, ExclusionReason.BlockedWorker, ExclusionReason.Preview,
    ];

    /// <summary>Every exclusion reason, each a count column named after it.</summary>
    public static readonly IReadOnlyList<ExclusionReason> Reasons = [.. Enum.GetValues<ExclusionReason>().Where(r => r != ExclusionReason.None)];

    /// <summary>Each summary column and what one rating (alias <paramref name="r"/>) adds to it.</summary>
    public static IReadOnlyList<(string Column, string Expression)> Contributions(string r, string trueLiteral, string falseLiteral,
        IReadOnlyList<ExclusionReason>? reasons = null)
    {
        var included = $"{r}.\"Included\"";
        string When(string condition, string value) => $"CASE WHEN {condition} THEN {value} ELSE 0 END";
        string Reason(ExclusionReason reason) => When($"({r}.\"ExclusionReasons\" & {(int)reason}) <> 0", "1");
        var columns = new List<(string, string)> { ("Submitted", "1") };
        columns.AddRange((reasons ?? Reasons).Select(reason => (reason.ToString(), Reason(reason))));
        columns.Add(("Included", When(included, "1")));
        foreach (var value in new[] { "Pspi", "Au4", "Au6", "Au7", "Au9", "Au10", "Au43" })
        {
            columns.Add(($"{value}Sum", When(included, $"{r}.\"{value}\"")));
            columns.Add(($"{value}SumSquares", When(included, $"{r}.\"{value}\" * {r}.\"{value}\"")));
        }
        // Answers are stored as the enum names (HasConversion<string>).
        string Answer(string column, string value) => When($"{included} AND {r}.\"{column}\" = '{value}'", "1");
        columns.Add(("RaceAnswerW", Answer("PerceivedRaceAnswer", nameof(Race.W))));
        columns.Add(("RaceAnswerB", Answer("PerceivedRaceAnswer", nameof(Race.B))));
        columns.Add(("AgeAnswerYoung", Answer("PerceivedAgeAnswer", nameof(AgeGroup.Young))));
        columns.Add(("AgeAnswerSenior", Answer("PerceivedAgeAnswer", nameof(AgeGroup.Senior))));
        columns.Add(("LooksEditedYes", When($"{included} AND {r}.\"LooksEditedAnswer\" = {trueLiteral}", "1")));
        columns.Add(("LooksEditedNo", When($"{included} AND {r}.\"LooksEditedAnswer\" = {falseLiteral}", "1")));
        return columns;
    }

    private static string ColumnList(IEnumerable<(string Column, string Expression)> columns) =>
        string.Join(", ", columns.Select(c => $"\"{c.Column}\""));

    /// <summary>Fills the summaries from the stored ratings (the table must be empty); the same SQL on both providers.</summary>
    public static string Backfill(string trueLiteral, string falseLiteral, IReadOnlyList<ExclusionReason>? reasons = null)
    {
        var columns = Contributions("r", trueLiteral, falseLiteral, reasons);
        return $"""
            INSERT INTO {Table} ({Keys}, {ColumnList(columns)})
            SELECT r."VariantId", r."Platform", r."StudyId", {string.Join(", ", columns.Select(c => $"SUM({c.Expression})"))}
            FROM "Assessments" AS r
            GROUP BY r."VariantId", r."Platform", r."StudyId"
            """;
    }

    // ---------------------------------------------------------------- PostgreSQL

    private static string PostgresUpsert(string source, bool skipUnchanged, IReadOnlyList<ExclusionReason>? reasons)
    {
        var columns = Contributions("r", "TRUE", "FALSE", reasons);
        var sums = columns.Select(c => $"SUM(r.sign * ({c.Expression}))").ToList();
        // An update that moves no sum (a timing or attention column) locks no summary row.
        var having = skipUnchanged ? "HAVING " + string.Join(" OR ", sums.Select(s => $"{s} <> 0")) : "";
        // Rows are upserted in key order so two concurrent bulk updates lock summaries in the same order (no deadlock).
        return $"""
            INSERT INTO {Table} AS s ({Keys}, {ColumnList(columns)})
            SELECT r."VariantId", r."Platform", r."StudyId", {string.Join(", ", sums)}
            FROM ({source}) AS r
            GROUP BY r."VariantId", r."Platform", r."StudyId"
            {having}
            ORDER BY r."VariantId", r."Platform"
            ON CONFLICT ("VariantId", "Platform") DO UPDATE SET
            {string.Join(", ", columns.Select(c => $"\"{c.Column}\" = s.\"{c.Column}\" + EXCLUDED.\"{c.Column}\""))};
            """;
    }

    private static string PostgresFunction(string name, string source, bool skipUnchanged, IReadOnlyList<ExclusionReason>? reasons) => $"""
        CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $body$
        BEGIN
        {PostgresUpsert(source, skipUnchanged, reasons)}
        RETURN NULL;
        END
        $body$;
        """;

    /// <summary>Functions, statement triggers and the backfill (into an empty table), one statement each.</summary>
    public static IReadOnlyList<string> PostgresCreate(IReadOnlyList<ExclusionReason>? reasons = null) =>
    [
        PostgresFunction("painbias_variant_rating_summaries_insert", "SELECT n.*, 1 AS sign FROM new_rows AS n", false, reasons),
        PostgresFunction("painbias_variant_rating_summaries_update",
            "SELECT n.*, 1 AS sign FROM new_rows AS n UNION ALL SELECT o.*, -1 AS sign FROM old_rows AS o", true, reasons),
        PostgresFunction("painbias_variant_rating_summaries_delete", "SELECT o.*, -1 AS sign FROM old_rows AS o", false, reasons),
        """
        CREATE TRIGGER "TR_Assessments_Summaries_Insert" AFTER INSERT ON "Assessments"
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION painbias_variant_rating_summaries_insert();
        """,
        """
        CREATE TRIGGER "TR_Assessments_Summaries_Update" AFTER UPDATE ON "Assessments"
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION painbias_variant_rating_summaries_update();
        """,
        """
        CREATE TRIGGER "TR_Assessments_Summaries_Delete" AFTER DELETE ON "Assessments"
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION painbias_variant_rating_summaries_delete();
        """,
        Backfill("TRUE", "FALSE", reasons),
    ];

    public static IReadOnlyList<string> PostgresDrop() =>
    [
        "DROP TRIGGER IF EXISTS \"TR_Assessments_Summaries_Insert\" ON \"Assessments\";",
        "DROP TRIGGER IF EXISTS \"TR_Assessments_Summaries_Update\" ON \"Assessments\";",
        "DROP TRIGGER IF EXISTS \"TR_Assessments_Summaries_Delete\" ON \"Assessments\";",
        "DROP FUNCTION IF EXISTS painbias_variant_rating_summaries_insert();",
        "DROP FUNCTION IF EXISTS painbias_variant_rating_summaries_update();",
        "DROP FUNCTION IF EXISTS painbias_variant_rating_summaries_delete();",
    ];

    // ---------------------------------------------------------------- SQLite

    private static string SqliteEnsureRow(string r, IReadOnlyList<ExclusionReason>? reasons)
    {
        var columns = Contributions(r, "1", "0", reasons);
        return $"INSERT OR IGNORE INTO {Table} ({Keys}, {ColumnList(columns)}) " +
            $"VALUES ({r}.\"VariantId\", {r}.\"Platform\", {r}.\"StudyId\", {string.Join(", ", columns.Select(_ => "0"))});";
    }

    private static string SqliteApply(string r, char op, IReadOnlyList<ExclusionReason>? reasons) =>
        $"UPDATE {Table} SET " +
        string.Join(", ", Contributions(r, "1", "0", reasons).Select(c => $"\"{c.Column}\" = \"{c.Column}\" {op} ({c.Expression})")) +
        $" WHERE \"VariantId\" = {r}.\"VariantId\" AND \"Platform\" = {r}.\"Platform\";";

    /// <summary>Row triggers and the backfill (into an empty table), one statement each.</summary>
    public static IReadOnlyList<string> SqliteCreate(IReadOnlyList<ExclusionReason>? reasons = null) =>
    [
        $"""
        CREATE TRIGGER "TR_Assessments_Summaries_Insert" AFTER INSERT ON "Assessments" BEGIN
        {SqliteEnsureRow("NEW", reasons)}
        {SqliteApply("NEW", '+', reasons)}
        END;
        """,
        $"""
        CREATE TRIGGER "TR_Assessments_Summaries_Update" AFTER UPDATE OF {string.Join(", ", WatchedColumns.Select(c => $"\"{c}\""))} ON "Assessments" BEGIN
        {SqliteApply("OLD", '-', reasons)}
        {SqliteEnsureRow("NEW", reasons)}
        {SqliteApply("NEW", '+', reasons)}
        END;
        """,
        $"""
        CREATE TRIGGER "TR_Assessments_Summaries_Delete" AFTER DELETE ON "Assessments" BEGIN
        {SqliteApply("OLD", '-', reasons)}
        END;
        """,
        Backfill("1", "0", reasons),
    ];

    public static IReadOnlyList<string> SqliteDrop() =>
    [
        "DROP TRIGGER IF EXISTS \"TR_Assessments_Summaries_Insert\";",
        "DROP TRIGGER IF EXISTS \"TR_Assessments_Summaries_Update\";",
        "DROP TRIGGER IF EXISTS \"TR_Assessments_Summaries_Delete\";",
    ];
}
