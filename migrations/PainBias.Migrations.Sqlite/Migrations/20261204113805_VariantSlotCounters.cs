using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PainBias.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VariantSlotCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "VariantSlotCounters",
                columns: table => new
                {
                    VariantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StudyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SourceFaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Filled = table.Column<int>(type: "INTEGER", nullable: false),
                    Held = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VariantSlotCounters", x => new { x.VariantId, x.Platform });
                    table.ForeignKey(
                        name: "FK_VariantSlotCounters_Variants_VariantId",
                        column: x => x.VariantId,
                        principalTable: "Variants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // IX_Reservations_StudyId_Status_HeldUntil, which the allocator uses too, comes with DashboardVariantRatingSummaries.

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_StudyId_WorkerId",
                table: "Assessments",
                columns: new[] { "StudyId", "WorkerId" });

            migrationBuilder.CreateIndex(
                name: "IX_VariantSlotCounters_StudyId_Platform",
                table: "VariantSlotCounters",
                columns: new[] { "StudyId", "Platform" });

            // The counters follow every write through triggers, in the writer's transaction (SaveChanges, ExecuteUpdate
            // and raw SQL alike): Filled = included assessments, Held = reservations with status Held. The platform
            // names are Core's Platform enum; a new platform needs its counter rows added here and in RecountAsync.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Variants_SlotCounters" AFTER INSERT ON "Variants"
                BEGIN
                    INSERT OR IGNORE INTO "VariantSlotCounters" ("VariantId", "Platform", "StudyId", "SourceFaceId", "Filled", "Held")
                    VALUES (NEW."Id", 'MTurk', NEW."StudyId", NEW."SourceFaceId", 0, 0),
                           (NEW."Id", 'Credamo', NEW."StudyId", NEW."SourceFaceId", 0, 0),
                           (NEW."Id", 'Direct', NEW."StudyId", NEW."SourceFaceId", 0, 0);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Reservations_SlotCounters_Insert" AFTER INSERT ON "Reservations" WHEN NEW."Status" = 'Held'
                BEGIN
                    UPDATE "VariantSlotCounters" SET "Held" = "Held" + 1 WHERE "VariantId" = NEW."VariantId" AND "Platform" = NEW."Platform";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Reservations_SlotCounters_Update" AFTER UPDATE OF "Status", "VariantId", "Platform" ON "Reservations"
                WHEN OLD."Status" IS NOT NEW."Status" OR OLD."VariantId" IS NOT NEW."VariantId" OR OLD."Platform" IS NOT NEW."Platform"
                BEGIN
                    UPDATE "VariantSlotCounters" SET "Held" = "Held" - 1
                    WHERE OLD."Status" = 'Held' AND "VariantId" = OLD."VariantId" AND "Platform" = OLD."Platform";
                    UPDATE "VariantSlotCounters" SET "Held" = "Held" + 1
                    WHERE NEW."Status" = 'Held' AND "VariantId" = NEW."VariantId" AND "Platform" = NEW."Platform";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Reservations_SlotCounters_Delete" AFTER DELETE ON "Reservations" WHEN OLD."Status" = 'Held'
                BEGIN
                    UPDATE "VariantSlotCounters" SET "Held" = "Held" - 1 WHERE "VariantId" = OLD."VariantId" AND "Platform" = OLD."Platform";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Assessments_SlotCounters_Insert" AFTER INSERT ON "Assessments" WHEN NEW."Included"
                BEGIN
                    UPDATE "VariantSlotCounters" SET "Filled" = "Filled" + 1 WHERE "VariantId" = NEW."VariantId" AND "Platform" = NEW."Platform";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Assessments_SlotCounters_Update" AFTER UPDATE OF "Included", "VariantId", "Platform" ON "Assessments"
                WHEN OLD."Included" IS NOT NEW."Included" OR OLD."VariantId" IS NOT NEW."VariantId" OR OLD."Platform" IS NOT NEW."Platform"
                BEGIN
                    UPDATE "VariantSlotCounters" SET "Filled" = "Filled" - 1
                    WHERE OLD."Included" AND "VariantId" = OLD."VariantId" AND "Platform" = OLD."Platform";
                    UPDATE "VariantSlotCounters" SET "Filled" = "Filled" + 1
                    WHERE NEW."Included" AND "VariantId" = NEW."VariantId" AND "Platform" = NEW."Platform";
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Assessments_SlotCounters_Delete" AFTER DELETE ON "Assessments" WHEN OLD."Included"
                BEGIN
                    UPDATE "VariantSlotCounters" SET "Filled" = "Filled" - 1 WHERE "VariantId" = OLD."VariantId" AND "Platform" = OLD."Platform";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "VariantSlotCounters" ("VariantId", "Platform", "StudyId", "SourceFaceId", "Filled", "Held")
                SELECT v."Id", p."Name", v."StudyId", v."SourceFaceId",
                    (SELECT count(*) FROM "Assessments" a WHERE a."VariantId" = v."Id" AND a."Platform" = p."Name" AND a."Included"),
                    (SELECT count(*) FROM "Reservations" r WHERE r."VariantId" = v."Id" AND r."Platform" = p."Name" AND r."Status" = 'Held')
                FROM "Variants" v CROSS JOIN (SELECT 'MTurk' AS "Name" UNION ALL SELECT 'Credamo' UNION ALL SELECT 'Direct') AS p;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[]
                     {
                         "TR_Variants_SlotCounters", "TR_Reservations_SlotCounters_Insert", "TR_Reservations_SlotCounters_Update",
                         "TR_Reservations_SlotCounters_Delete", "TR_Assessments_SlotCounters_Insert", "TR_Assessments_SlotCounters_Update",
                         "TR_Assessments_SlotCounters_Delete",
                     })
                migrationBuilder.Sql($"DROP TRIGGER \"{trigger}\";");

            migrationBuilder.DropTable(
                name: "VariantSlotCounters");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_StudyId_WorkerId",
                table: "Assessments");
        }
    }
}
