using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PainBias.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StudyExclusionRulesAndLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NetworkHash",
                table: "TaskSessions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExcludeFor",
                table: "Studies",
                type: "integer",
                nullable: false,
                defaultValue: 260); // existing studies: too fast (as before) and a filled honeypot exclude

            migrationBuilder.AddColumn<int>(
                name: "MaxSessionsPerNetwork",
                table: "Studies",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "RejectFor",
                table: "Studies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "StudyLinks",
                columns: table => new
                {
                    StudyId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedStudyId = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyLinks", x => new { x.StudyId, x.LinkedStudyId });
                    table.ForeignKey(
                        name: "FK_StudyLinks_Studies_LinkedStudyId",
                        column: x => x.LinkedStudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StudyLinks_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TaskSessions_StudyId_NetworkHash",
                table: "TaskSessions",
                columns: new[] { "StudyId", "NetworkHash" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_StudyId_Au4_Au6_Au7_Au9_Au10_Au43",
                table: "Assessments",
                columns: new[] { "StudyId", "Au4", "Au6", "Au7", "Au9", "Au10", "Au43" });

            migrationBuilder.CreateIndex(
                name: "IX_StudyLinks_LinkedStudyId",
                table: "StudyLinks",
                column: "LinkedStudyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StudyLinks");

            migrationBuilder.DropIndex(
                name: "IX_TaskSessions_StudyId_NetworkHash",
                table: "TaskSessions");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_StudyId_Au4_Au6_Au7_Au9_Au10_Au43",
                table: "Assessments");

            migrationBuilder.DropColumn(
                name: "NetworkHash",
                table: "TaskSessions");

            migrationBuilder.DropColumn(
                name: "ExcludeFor",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "MaxSessionsPerNetwork",
                table: "Studies");

            migrationBuilder.DropColumn(
                name: "RejectFor",
                table: "Studies");
        }
    }
}
