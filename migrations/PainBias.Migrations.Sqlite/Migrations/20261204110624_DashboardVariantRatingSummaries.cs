using System;
using Microsoft.EntityFrameworkCore.Migrations;
using PainBias.Data.Summaries;

#nullable disable

namespace PainBias.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DashboardVariantRatingSummaries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VariantRatingSummaries",
                columns: table => new
                {
                    VariantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StudyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Submitted = table.Column<long>(type: "INTEGER", nullable: false),
                    FailedScreening = table.Column<long>(type: "INTEGER", nullable: false),
                    FailedAttention = table.Column<long>(type: "INTEGER", nullable: false),
                    TooFast = table.Column<long>(type: "INTEGER", nullable: false),
                    DuplicateWorker = table.Column<long>(type: "INTEGER", nullable: false),
                    BlockedWorker = table.Column<long>(type: "INTEGER", nullable: false),
                    Preview = table.Column<long>(type: "INTEGER", nullable: false),
                    Included = table.Column<long>(type: "INTEGER", nullable: false),
                    PspiSum = table.Column<long>(type: "INTEGER", nullable: false),
                    PspiSumSquares = table.Column<long>(type: "INTEGER", nullable: false),
                    Au4Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    Au4SumSquares = table.Column<long>(type: "INTEGER", nullable: false),
                    Au6Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    Au6SumSquares = table.Column<long>(type: "INTEGER", nullable: false),
                    Au7Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    Au7SumSquares = table.Column<long>(type: "INTEGER", nullable: false),
                    Au9Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    Au9SumSquares = table.Column<long>(type: "INTEGER", nullable: false),
                    Au10Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    Au10SumSquares = table.Column<long>(type: "INTEGER", nullable: false),
                    Au43Sum = table.Column<long>(type: "INTEGER", nullable: false),
                    Au43SumSquares = table.Column<long>(type: "INTEGER", nullable: false),
                    RaceAnswerW = table.Column<long>(type: "INTEGER", nullable: false),
                    RaceAnswerB = table.Column<long>(type: "INTEGER", nullable: false),
                    AgeAnswerYoung = table.Column<long>(type: "INTEGER", nullable: false),
                    AgeAnswerSenior = table.Column<long>(type: "INTEGER", nullable: false),
                    LooksEditedYes = table.Column<long>(type: "INTEGER", nullable: false),
                    LooksEditedNo = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VariantRatingSummaries", x => new { x.VariantId, x.Platform });
                    table.ForeignKey(
                        name: "FK_VariantRatingSummaries_Variants_VariantId",
                        column: x => x.VariantId,
                        principalTable: "Variants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Reservations_StudyId_Status_HeldUntil",
                table: "Reservations",
                columns: new[] { "StudyId", "Status", "HeldUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_VariantRatingSummaries_StudyId",
                table: "VariantRatingSummaries",
                column: "StudyId");

            // The triggers that keep the summaries right on every write path, then the ratings stored so far.
            foreach (var statement in VariantRatingSummarySql.SqliteCreate(VariantRatingSummarySql.FirstReasons))
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in VariantRatingSummarySql.SqliteDrop())
                migrationBuilder.Sql(statement);

            migrationBuilder.DropTable(
                name: "VariantRatingSummaries");

            migrationBuilder.DropIndex(
                name: "IX_Reservations_StudyId_Status_HeldUntil",
                table: "Reservations");
        }
    }
}
