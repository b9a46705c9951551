using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PainBias.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScreenedSessionsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TaskSessions_Screened",
                table: "TaskSessions",
                columns: new[] { "StudyId", "Platform", "Step" },
                filter: "\"ComprehensionPassed\" IS NOT NULL AND NOT \"IsPreview\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TaskSessions_Screened",
                table: "TaskSessions");
        }
    }
}
