-- 0058 (ADR 0061): a district's org version, bumped in the writer's own transaction by every write to org_units (whatever
-- wrote it: a use case, a move's rebase, an import, a migration), so that an answer built from the units can be kept and
-- served while the version it was read at is still the current one. SQLite has row triggers only; it updates in place.
CREATE TABLE org_tree_versions (
    "TenantId" TEXT NOT NULL CONSTRAINT "PK_org_tree_versions" PRIMARY KEY,
    "Version" INTEGER NOT NULL
);
CREATE TRIGGER org_units_inserted AFTER INSERT ON org_units BEGIN
    INSERT INTO org_tree_versions ("TenantId", "Version") VALUES (NEW."TenantId", 1)
    ON CONFLICT ("TenantId") DO UPDATE SET "Version" = "Version" + 1;
END;
CREATE TRIGGER org_units_updated AFTER UPDATE ON org_units BEGIN
    INSERT INTO org_tree_versions ("TenantId", "Version") VALUES (NEW."TenantId", 1)
    ON CONFLICT ("TenantId") DO UPDATE SET "Version" = "Version" + 1;
END;
CREATE TRIGGER org_units_deleted AFTER DELETE ON org_units BEGIN
    INSERT INTO org_tree_versions ("TenantId", "Version") VALUES (OLD."TenantId", 1)
    ON CONFLICT ("TenantId") DO UPDATE SET "Version" = "Version" + 1;
END;
