-- A moved unit's transfers kept their old from/to paths (only OrgPath was rebased), so the past roster of a moved branch,
-- rebuilt from those paths, lost its members. A branch's path is rebased with every move, so a transfer's from/to path is
-- always its branch's path now: set them from the branches.
UPDATE mem_transfers SET "ToPath" = (SELECT u."Path" FROM org_units u WHERE u."Id" = mem_transfers."ToBranchId" AND u."TenantId" = mem_transfers."TenantId")
WHERE "ToBranchId" IS NOT NULL AND EXISTS (SELECT 1 FROM org_units u WHERE u."Id" = mem_transfers."ToBranchId" AND u."TenantId" = mem_transfers."TenantId" AND u."Path" IS NOT mem_transfers."ToPath");
UPDATE mem_transfers SET "FromPath" = (SELECT u."Path" FROM org_units u WHERE u."Id" = mem_transfers."FromBranchId" AND u."TenantId" = mem_transfers."TenantId")
WHERE "FromBranchId" IS NOT NULL AND EXISTS (SELECT 1 FROM org_units u WHERE u."Id" = mem_transfers."FromBranchId" AND u."TenantId" = mem_transfers."TenantId" AND u."Path" IS NOT mem_transfers."FromPath");
