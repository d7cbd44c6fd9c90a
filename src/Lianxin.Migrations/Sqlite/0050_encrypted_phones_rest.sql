-- Issue 17 (ADR 0030, amended 2026-12-01): the phones 0045 left in clear are kept encrypted too. As in 0045 the SQL holds no
-- key: each clear column becomes its cipher column with every clear value marked 'clear:', and the app seals the marked values
-- right after migrating (Platform.Privacy.EncryptedColumns). None of these columns is searched, so none gets a hash column.
ALTER TABLE "pw_recruits" RENAME COLUMN "Phone" TO "PhoneCipher";
UPDATE "pw_recruits" SET "PhoneCipher" = CASE WHEN trim("PhoneCipher") = '' THEN NULL ELSE 'clear:' || "PhoneCipher" END WHERE "PhoneCipher" IS NOT NULL;
ALTER TABLE "mem_dual_reports" RENAME COLUMN "LiaisonPhone" TO "LiaisonPhoneCipher";
UPDATE "mem_dual_reports" SET "LiaisonPhoneCipher" = CASE WHEN trim("LiaisonPhoneCipher") = '' THEN NULL ELSE 'clear:' || "LiaisonPhoneCipher" END WHERE "LiaisonPhoneCipher" IS NOT NULL;
ALTER TABLE "dlb_motions" RENAME COLUMN "ContactPhone" TO "ContactPhoneCipher";
UPDATE "dlb_motions" SET "ContactPhoneCipher" = CASE WHEN trim("ContactPhoneCipher") = '' THEN NULL ELSE 'clear:' || "ContactPhoneCipher" END WHERE "ContactPhoneCipher" IS NOT NULL;
ALTER TABLE "org_buildings" RENAME COLUMN "LeaderPhone" TO "LeaderPhoneCipher";
UPDATE "org_buildings" SET "LeaderPhoneCipher" = CASE WHEN trim("LeaderPhoneCipher") = '' THEN NULL ELSE 'clear:' || "LeaderPhoneCipher" END WHERE "LeaderPhoneCipher" IS NOT NULL;
ALTER TABLE "ven_bookings" RENAME COLUMN "ContactPhone" TO "ContactPhoneCipher";
UPDATE "ven_bookings" SET "ContactPhoneCipher" = CASE WHEN trim("ContactPhoneCipher") = '' THEN NULL ELSE 'clear:' || "ContactPhoneCipher" END WHERE "ContactPhoneCipher" IS NOT NULL;

-- ProbationaryMemberAdmitted carried the recruit's phone in clear, and the outbox keeps its events: it now carries the sealed
-- value (phoneCipher), so the stored ones are marked the same way and sealed with the columns.
UPDATE "plt_events" SET "Payload" = json_remove(
    CASE WHEN trim(coalesce(json_extract("Payload", '$.phone'), '')) = '' THEN "Payload"
         ELSE json_set("Payload", '$.phoneCipher', 'clear:' || json_extract("Payload", '$.phone')) END, '$.phone')
WHERE "Type" = 'ProbationaryMemberAdmitted';

-- What the app still has to seal: a row per marked column, removed once a pass finds nothing marked in it, so later starts
-- read one small table instead of scanning every phone column (and a start interrupted halfway goes on at the next).
CREATE TABLE "plt_pending_seals" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_plt_pending_seals" PRIMARY KEY
);
INSERT INTO "plt_pending_seals" ("Name") VALUES
    ('mem_members.PhoneCipher'), ('dem_demands.ContactPhoneCipher'), ('org_positions.PhoneCipher'),
    ('pw_recruits.PhoneCipher'), ('mem_dual_reports.LiaisonPhoneCipher'), ('dlb_motions.ContactPhoneCipher'),
    ('org_buildings.LeaderPhoneCipher'), ('ven_bookings.ContactPhoneCipher'), ('plt_events.Payload');
