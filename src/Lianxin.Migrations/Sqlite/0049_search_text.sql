-- 0049 (ADR 0036): searched rows keep their text cut into bigram terms (SearchText, written by the app on every save;
-- NULL in rows older than this migration until `rebuild-aggregates` fills them). SQLite keeps an FTS5 index over the terms
-- (external content: the table's own column, kept by triggers; tokenizer ascii so that only the spaces separate terms).
ALTER TABLE dem_demands ADD COLUMN "SearchText" TEXT NULL;
CREATE VIRTUAL TABLE dem_demands_fts USING fts5("SearchText", content='dem_demands', content_rowid='rowid', tokenize='ascii');
CREATE TRIGGER dem_demands_fts_insert AFTER INSERT ON dem_demands BEGIN
    INSERT INTO dem_demands_fts(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
END;
CREATE TRIGGER dem_demands_fts_delete AFTER DELETE ON dem_demands BEGIN
    INSERT INTO dem_demands_fts(dem_demands_fts, rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
END;
CREATE TRIGGER dem_demands_fts_update AFTER UPDATE OF "SearchText" ON dem_demands BEGIN
    INSERT INTO dem_demands_fts(dem_demands_fts, rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
    INSERT INTO dem_demands_fts(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
END;
ALTER TABLE mem_members ADD COLUMN "SearchText" TEXT NULL;
CREATE VIRTUAL TABLE mem_members_fts USING fts5("SearchText", content='mem_members', content_rowid='rowid', tokenize='ascii');
CREATE TRIGGER mem_members_fts_insert AFTER INSERT ON mem_members BEGIN
    INSERT INTO mem_members_fts(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
END;
CREATE TRIGGER mem_members_fts_delete AFTER DELETE ON mem_members BEGIN
    INSERT INTO mem_members_fts(mem_members_fts, rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
END;
CREATE TRIGGER mem_members_fts_update AFTER UPDATE OF "SearchText" ON mem_members BEGIN
    INSERT INTO mem_members_fts(mem_members_fts, rowid, "SearchText") VALUES ('delete', old.rowid, old."SearchText");
    INSERT INTO mem_members_fts(rowid, "SearchText") VALUES (new.rowid, new."SearchText");
END;
