using Microsoft.EntityFrameworkCore.Migrations;
using PainBias.Data.Summaries;

#nullable disable

namespace PainBias.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SummaryCountsEveryExclusionReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The triggers name every summary column: drop them, add the columns, then rebuild triggers and sums.
            foreach (var statement in VariantRatingSummarySql.PostgresDrop())
                migrationBuilder.Sql(statement);

            migrationBuilder.AddColumn<long>(
                name: "Honeypot",
                table: "VariantRatingSummaries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "IdenticalAnswers",
                table: "VariantRatingSummaries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "LooksEdited",
                table: "VariantRatingSummaries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ManipulationCheckFailed",
                table: "VariantRatingSummaries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "SharedNetwork",
                table: "VariantRatingSummaries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "UniformAnswers",
                table: "VariantRatingSummaries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("DELETE FROM \"VariantRatingSummaries\";");
            foreach (var statement in VariantRatingSummarySql.PostgresCreate())
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in VariantRatingSummarySql.PostgresDrop())
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
            foreach (var statement in VariantRatingSummarySql.PostgresCreate(VariantRatingSummarySql.FirstReasons))
                migrationBuilder.Sql(statement);
        }
    }
}
