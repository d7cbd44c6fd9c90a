-- A moved unit's transfers kept their old from/to paths (only OrgPath was rebased), so the past roster of a moved branch,
-- rebuilt from those paths, lost its members. A branch's path is rebased with every move, so a transfer's from/to path is
-- always its branch's path now: set them from the branches.
UPDATE mem_transfers t SET "ToPath" = u."Path"
FROM org_units u WHERE u."Id" = t."ToBranchId" AND u."TenantId" = t."TenantId" AND t."ToPath" IS DISTINCT FROM u."Path";
UPDATE mem_transfers t SET "FromPath" = u."Path"
FROM org_units u WHERE u."Id" = t."FromBranchId" AND u."TenantId" = t."TenantId" AND t."FromPath" IS DISTINCT FROM u."Path";
