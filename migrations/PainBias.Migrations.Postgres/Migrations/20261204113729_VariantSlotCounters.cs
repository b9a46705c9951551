using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PainBias.Migrations.Postgres.Migrations
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
                    VariantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Platform = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StudyId = table.Column<Guid>(type: "uuid", nullable: false),
                    SourceFaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Filled = table.Column<int>(type: "integer", nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: false)
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
                CREATE FUNCTION painbias_variant_slot_counters() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "VariantSlotCounters" ("VariantId", "Platform", "StudyId", "SourceFaceId", "Filled", "Held")
                    SELECT NEW."Id", p, NEW."StudyId", NEW."SourceFaceId", 0, 0 FROM unnest(ARRAY['MTurk', 'Credamo', 'Direct']) AS p
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "TR_Variants_SlotCounters" AFTER INSERT ON "Variants"
                    FOR EACH ROW EXECUTE FUNCTION painbias_variant_slot_counters();

                CREATE FUNCTION painbias_reservation_slot_counters() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD."Status" = NEW."Status" AND OLD."VariantId" = NEW."VariantId" AND OLD."Platform" = NEW."Platform" THEN
                        RETURN NULL;
                    END IF;
                    IF TG_OP <> 'INSERT' AND OLD."Status" = 'Held' THEN
                        UPDATE "VariantSlotCounters" SET "Held" = "Held" - 1 WHERE "VariantId" = OLD."VariantId" AND "Platform" = OLD."Platform";
                    END IF;
                    IF TG_OP <> 'DELETE' AND NEW."Status" = 'Held' THEN
                        UPDATE "VariantSlotCounters" SET "Held" = "Held" + 1 WHERE "VariantId" = NEW."VariantId" AND "Platform" = NEW."Platform";
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "TR_Reservations_SlotCounters" AFTER INSERT OR DELETE OR UPDATE OF "Status", "VariantId", "Platform" ON "Reservations"
                    FOR EACH ROW EXECUTE FUNCTION painbias_reservation_slot_counters();

                CREATE FUNCTION painbias_assessment_slot_counters() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND OLD."Included" = NEW."Included" AND OLD."VariantId" = NEW."VariantId" AND OLD."Platform" = NEW."Platform" THEN
                        RETURN NULL;
                    END IF;
                    IF TG_OP <> 'INSERT' AND OLD."Included" THEN
                        UPDATE "VariantSlotCounters" SET "Filled" = "Filled" - 1 WHERE "VariantId" = OLD."VariantId" AND "Platform" = OLD."Platform";
                    END IF;
                    IF TG_OP <> 'DELETE' AND NEW."Included" THEN
                        UPDATE "VariantSlotCounters" SET "Filled" = "Filled" + 1 WHERE "VariantId" = NEW."VariantId" AND "Platform" = NEW."Platform";
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "TR_Assessments_SlotCounters" AFTER INSERT OR DELETE OR UPDATE OF "Included", "VariantId", "Platform" ON "Assessments"
                    FOR EACH ROW EXECUTE FUNCTION painbias_assessment_slot_counters();

                INSERT INTO "VariantSlotCounters" ("VariantId", "Platform", "StudyId", "SourceFaceId", "Filled", "Held")
                SELECT v."Id", p, v."StudyId", v."SourceFaceId",
                    (SELECT count(*) FROM "Assessments" a WHERE a."VariantId" = v."Id" AND a."Platform" = p AND a."Included"),
                    (SELECT count(*) FROM "Reservations" r WHERE r."VariantId" = v."Id" AND r."Platform" = p AND r."Status" = 'Held')
                FROM "Variants" v CROSS JOIN unnest(ARRAY['MTurk', 'Credamo', 'Direct']) AS p;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER "TR_Assessments_SlotCounters" ON "Assessments";
                DROP TRIGGER "TR_Reservations_SlotCounters" ON "Reservations";
                DROP TRIGGER "TR_Variants_SlotCounters" ON "Variants";
                DROP FUNCTION painbias_assessment_slot_counters();
                DROP FUNCTION painbias_reservation_slot_counters();
                DROP FUNCTION painbias_variant_slot_counters();
                """);

            migrationBuilder.DropTable(
                name: "VariantSlotCounters");

            migrationBuilder.DropIndex(
                name: "IX_Assessments_StudyId_WorkerId",
                table: "Assessments");
        }
    }
}
