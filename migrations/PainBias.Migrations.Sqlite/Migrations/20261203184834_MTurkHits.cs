using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PainBias.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MTurkHits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MTurkLaunches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sandbox = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RewardCents = table.Column<int>(type: "INTEGER", nullable: false),
                    BonusCents = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignmentDurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    LifetimeHours = table.Column<int>(type: "INTEGER", nullable: false),
                    AutoApprovalHours = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FrameHeight = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalAssignments = table.Column<int>(type: "INTEGER", nullable: false),
                    MinApprovalRate = table.Column<int>(type: "INTEGER", nullable: false),
                    MinApprovedHits = table.Column<int>(type: "INTEGER", nullable: false),
                    Locales = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScreeningQualificationTypeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ExcludedQualificationTypeIds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HitTypeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TookPartQualificationTypeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RejectFor = table.Column<int>(type: "INTEGER", nullable: false),
                    Unmatched = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ApproveFeedback = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    RejectFeedback = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastSyncedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MTurkLaunches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MTurkLaunches_Studies_StudyId",
                        column: x => x.StudyId,
                        principalTable: "Studies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MTurkAssignmentReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LaunchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssignmentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TaskSessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MTurkStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TookPartGranted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MTurkAssignmentReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MTurkAssignmentReviews_MTurkLaunches_LaunchId",
                        column: x => x.LaunchId,
                        principalTable: "MTurkLaunches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MTurkAssignmentReviews_TaskSessions_TaskSessionId",
                        column: x => x.TaskSessionId,
                        principalTable: "TaskSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "MTurkBonuses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LaunchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AssignmentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AmountCents = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MTurkBonuses", x => x.Id);
                    table.CheckConstraint("CK_MTurkBonus_Amount", "\"AmountCents\" > 0");
                    table.ForeignKey(
                        name: "FK_MTurkBonuses_MTurkLaunches_LaunchId",
                        column: x => x.LaunchId,
                        principalTable: "MTurkLaunches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MTurkHitBatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LaunchId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Assignments = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Expiration = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Finished = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MTurkHitBatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MTurkHitBatches_MTurkLaunches_LaunchId",
                        column: x => x.LaunchId,
                        principalTable: "MTurkLaunches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MTurkAssignmentReviews_AssignmentId",
                table: "MTurkAssignmentReviews",
                column: "AssignmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MTurkAssignmentReviews_LaunchId_WorkerId",
                table: "MTurkAssignmentReviews",
                columns: new[] { "LaunchId", "WorkerId" });

            migrationBuilder.CreateIndex(
                name: "IX_MTurkAssignmentReviews_TaskSessionId",
                table: "MTurkAssignmentReviews",
                column: "TaskSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_MTurkBonuses_LaunchId_WorkerId",
                table: "MTurkBonuses",
                columns: new[] { "LaunchId", "WorkerId" });

            migrationBuilder.CreateIndex(
                name: "IX_MTurkHitBatches_HitId",
                table: "MTurkHitBatches",
                column: "HitId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MTurkHitBatches_LaunchId_Index",
                table: "MTurkHitBatches",
                columns: new[] { "LaunchId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MTurkLaunches_StudyId",
                table: "MTurkLaunches",
                column: "StudyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MTurkAssignmentReviews");

            migrationBuilder.DropTable(
                name: "MTurkBonuses");

            migrationBuilder.DropTable(
                name: "MTurkHitBatches");

            migrationBuilder.DropTable(
                name: "MTurkLaunches");
        }
    }
}
