using Microsoft.EntityFrameworkCore.Migrations;
using PainBias.Data.Summaries;

#nullable disable

namespace PainBias.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SummaryCountsEveryExclusionReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The triggers name every summary column: drop them, add the columns, then rebuild triggers and sums.
            foreach (var statement in VariantRatingSummarySql.SqliteDrop())
                migrationBuilder.Sql(statement);

            migrationBuilder.AddColumn<long>(
                name: "Honeypot",
                table: "VariantRatingSummaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "IdenticalAnswers",
                table: "VariantRatingSummaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LooksEdited",
                table: "VariantRatingSummaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ManipulationCheckFailed",
                table: "VariantRatingSummaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SharedNetwork",
                table: "VariantRatingSummaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "UniformAnswers",
                table: "VariantRatingSummaries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("DELETE FROM \"VariantRatingSummaries\";");
            foreach (var statement in VariantRatingSummarySql.SqliteCreate())
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in VariantRatingSummarySql.SqliteDrop())
                migrationBuilder.Sql(statement);

            migrationBuilder.DropColumn(
                name: "Honeypot",
                table: "VariantRatingSummaries");

            migrationBuilder.DropColumn(
                name: "IdenticalAnswers",
                table: "VariantRatingSummaries");

            migrationBuilder.DropColumn(
                name: "LooksEdited",
                table: "VariantRatingSummaries");

            migrationBuilder.DropColumn(
                name: "ManipulationCheckFailed",
                table: "VariantRatingSummaries");

            migrationBuilder.DropColumn(
                name: "SharedNetwork",
                table: "VariantRatingSummaries");

            migrationBuilder.DropColumn(
                name: "UniformAnswers",
                table: "VariantRatingSummaries");

            migrationBuilder.Sql("DELETE FROM \"VariantRatingSummaries\";");
            foreach (var statement in VariantRatingSummarySql.SqliteCreate(VariantRatingSummarySql.FirstReasons))
                migrationBuilder.Sql(statement);
        }
    }
}
