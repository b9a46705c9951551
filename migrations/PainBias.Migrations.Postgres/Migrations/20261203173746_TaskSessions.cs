using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PainBias.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TaskSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MinSecondsPerRating",
                table: "Studies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "GoldItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StudyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    ImageSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Au4 = table.Column<int>(type: "integer", nullable: false),
                    Au6 = table.Column<int>(type: "integer", nullable: false),
                    Au7 = table.Column<int>(type: "integer", nullable: false),
                    Au9 = table.Column<int>(type: "integer", nullable: false),
                    Au10 = table.Column<int>(type: "integer", nullable: false),
                    Au43 = table.Column<int>(type: "integer", nullable: false),
                    Tolerance = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GoldItems", x => x.Id);
                    table.CheckConstraint("CK_GoldItem_Au", "\"Au4\" BETWEEN 0 AND 5 AND \"Au6\" BETWEEN 0 AND 5 AND \"Au7\" BETWEEN 0 AND 5 AND \"Au9\" BETWEEN 0 AND 5 AND \"Au10\" BETWEEN 0 AND 5 AND \"Au43\" BETWEEN 0 AND 1");
                    table.CheckConstraint("CK_GoldItem_Tolerance", "\"Tolerance\" BETWEEN 0 AND 5");
                    table.ForeignKey(
                        name: "FK_GoldItems_Blobs_ImageSha256",
                        column: x => x.ImageSha256,
                        principalTable: "Blobs",
                        principalColumn: "Sha256",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GoldItems_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TaskSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StudyId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Culture = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Step = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    IsPreview = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ConsentedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InstructionsDoneAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ScreeningIndex = table.Column<int>(type: "integer", nullable: false),
                    ScreeningMisses = table.Column<int>(type: "integer", nullable: false),
                    ComprehensionPassed = table.Column<bool>(type: "boolean", nullable: true),
                    ReservationId = table.Column<Guid>(type: "uuid", nullable: true),
                    RatingShownAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletionCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AssignmentId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    HitId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TurkSubmitTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskSessions_Reservations_ReservationId",
                        column: x => x.ReservationId,
                        principalTable: "Reservations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TaskSessions_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TaskSessions_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GoldItems_ImageSha256",
                table: "GoldItems",
                column: "ImageSha256");

            migrationBuilder.CreateIndex(
                name: "IX_GoldItems_StudyId_Order",
                table: "GoldItems",
                columns: new[] { "StudyId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_TaskSessions_CompletionCode",
                table: "TaskSessions",
                column: "CompletionCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskSessions_ReservationId",
                table: "TaskSessions",
                column: "ReservationId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskSessions_StudyId_WorkerId",
                table: "TaskSessions",
                columns: new[] { "StudyId", "WorkerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TaskSessions_WorkerId",
                table: "TaskSessions",
                column: "WorkerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GoldItems");

            migrationBuilder.DropTable(
                name: "TaskSessions");

            migrationBuilder.DropColumn(
                name: "MinSecondsPerRating",
                table: "Studies");
        }
    }
}
