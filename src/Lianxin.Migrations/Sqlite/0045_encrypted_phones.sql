-- Issue 17 (ADR 0030): phones are kept like citizen ID numbers, encrypted with a keyed hash for searching. SQL holds no key,
-- so each clear column becomes its cipher column with every clear value marked 'clear:'; right after migrating, the app
-- encrypts the marked values (Platform.Privacy.EncryptedColumns) and writes their hashes. No clear column is left behind.

-- Members: the roster's mobiles, searched by their hash.
DROP INDEX "IX_mem_members_TenantId_Phone";
ALTER TABLE "mem_members" RENAME COLUMN "Phone" TO "PhoneCipher";
ALTER TABLE "mem_members" ADD COLUMN "PhoneHash" TEXT NULL;
UPDATE "mem_members" SET "PhoneCipher" = CASE WHEN trim("PhoneCipher") = '' THEN NULL ELSE 'clear:' || "PhoneCipher" END WHERE "PhoneCipher" IS NOT NULL;
CREATE INDEX "IX_mem_members_TenantId_PhoneHash" ON "mem_members" ("TenantId", "PhoneHash");

-- Demands: the resident's contact phone ("" when none); the last four digits stay in clear for the throttled tracking page.
ALTER TABLE "dem_demands" RENAME COLUMN "ContactPhone" TO "ContactPhoneCipher";
ALTER TABLE "dem_demands" ADD COLUMN "ContactPhoneHash" TEXT NULL;
UPDATE "dem_demands" SET "ContactPhoneCipher" = 'clear:' || "ContactPhoneCipher" WHERE trim("ContactPhoneCipher") <> '';
CREATE INDEX "IX_dem_demands_TenantId_ContactPhoneHash" ON "dem_demands" ("TenantId", "ContactPhoneHash");

-- Organizations: the officers' phones, shown whole only to those who manage the unit.
ALTER TABLE "org_positions" RENAME COLUMN "Phone" TO "PhoneCipher";
UPDATE "org_positions" SET "PhoneCipher" = CASE WHEN trim("PhoneCipher") = '' THEN NULL ELSE 'clear:' || "PhoneCipher" END WHERE "PhoneCipher" IS NOT NULL;
