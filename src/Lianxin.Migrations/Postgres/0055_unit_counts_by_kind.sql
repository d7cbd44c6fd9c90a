-- 0055 (ADR 0054): each unit's row of org_unit_counts also counts the unit itself while it is active, in its kind's column,
-- so that a subtree's active units by kind are a sum over the rows its places are summed from (one statement per unit
-- detail), not a GROUP BY over the units on every request. Every active unit gets a row, places or not.
ALTER TABLE org_unit_counts ADD COLUMN "ActiveDistricts" integer NOT NULL DEFAULT 0;
ALTER TABLE org_unit_counts ADD COLUMN "ActiveStreets" integer NOT NULL DEFAULT 0;
ALTER TABLE org_unit_counts ADD COLUMN "ActiveCommunities" integer NOT NULL DEFAULT 0;
ALTER TABLE org_unit_counts ADD COLUMN "ActiveBranches" integer NOT NULL DEFAULT 0;
ALTER TABLE org_unit_counts ADD COLUMN "ActiveGroups" integer NOT NULL DEFAULT 0;
ALTER TABLE org_unit_counts ADD COLUMN "ActiveDepartments" integer NOT NULL DEFAULT 0;

INSERT INTO org_unit_counts ("Id", "TenantId", "OrgPath", "Grids", "GridsWithBranch", "Compounds", "CompoundsWithOwnBranch",
    "CompoundsCovered", "Buildings", "BuildingsWithLeader", "Households")
SELECT u."Id", u."TenantId", u."Path", 0, 0, 0, 0, 0, 0, 0, 0
FROM org_units u
WHERE u."Status" = 'Active' AND NOT EXISTS (SELECT 1 FROM org_unit_counts c WHERE c."Id" = u."Id");
UPDATE org_unit_counts SET
    "ActiveDistricts" = (SELECT COUNT(*) FROM org_units u WHERE u."Id" = org_unit_counts."Id" AND u."Status" = 'Active' AND u."Kind" = 'District'),
    "ActiveStreets" = (SELECT COUNT(*) FROM org_units u WHERE u."Id" = org_unit_counts."Id" AND u."Status" = 'Active' AND u."Kind" = 'Street'),
    "ActiveCommunities" = (SELECT COUNT(*) FROM org_units u WHERE u."Id" = org_unit_counts."Id" AND u."Status" = 'Active' AND u."Kind" = 'Community'),
    "ActiveBranches" = (SELECT COUNT(*) FROM org_units u WHERE u."Id" = org_unit_counts."Id" AND u."Status" = 'Active' AND u."Kind" = 'Branch'),
    "ActiveGroups" = (SELECT COUNT(*) FROM org_units u WHERE u."Id" = org_unit_counts."Id" AND u."Status" = 'Active' AND u."Kind" = 'Group'),
    "ActiveDepartments" = (SELECT COUNT(*) FROM org_units u WHERE u."Id" = org_unit_counts."Id" AND u."Status" = 'Active' AND u."Kind" = 'Department');
