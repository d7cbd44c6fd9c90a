-- 0058 (ADR 0061): a district's org version, bumped in the writer's own transaction by every statement that writes
-- org_units (whatever wrote it: a use case, a move's rebase, an import, a migration), so that an answer built from the
-- units can be kept and served while the version it was read at is still the current one. One bump per statement (not
-- per row: thousands of updates of one row in one transaction would each walk the row's version chain).
CREATE TABLE org_tree_versions (
    "TenantId" uuid NOT NULL,
    "Version" bigint NOT NULL,
    CONSTRAINT "PK_org_tree_versions" PRIMARY KEY ("TenantId")
);
CREATE FUNCTION org_tree_versions_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO org_tree_versions ("TenantId", "Version") SELECT DISTINCT "TenantId", 1 FROM old_units
        ON CONFLICT ("TenantId") DO UPDATE SET "Version" = org_tree_versions."Version" + 1;
    ELSE
        INSERT INTO org_tree_versions ("TenantId", "Version") SELECT DISTINCT "TenantId", 1 FROM new_units
        ON CONFLICT ("TenantId") DO UPDATE SET "Version" = org_tree_versions."Version" + 1;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER org_units_inserted AFTER INSERT ON org_units REFERENCING NEW TABLE AS new_units
    FOR EACH STATEMENT EXECUTE FUNCTION org_tree_versions_bump();
CREATE TRIGGER org_units_updated AFTER UPDATE ON org_units REFERENCING NEW TABLE AS new_units
    FOR EACH STATEMENT EXECUTE FUNCTION org_tree_versions_bump();
CREATE TRIGGER org_units_deleted AFTER DELETE ON org_units REFERENCING OLD TABLE AS old_units
    FOR EACH STATEMENT EXECUTE FUNCTION org_tree_versions_bump();
