-- 0049 (ADR 0036): searched rows keep their text cut into bigram terms (SearchText, written by the app on every save;
-- NULL in rows older than this migration until `rebuild-aggregates` fills them). PostgreSQL indexes the terms as a
-- tsvector taken word for word (array_to_tsvector, no text-search parser, no extension needed), GIN.
-- A GIN index cannot start with TenantId without the btree_gin extension (superuser): the tenant filter applies to the rows it finds.
ALTER TABLE dem_demands ADD COLUMN "SearchText" character varying(8000) NULL;
ALTER TABLE mem_members ADD COLUMN "SearchText" character varying(200) NULL;
CREATE INDEX "FTS_dem_demands_SearchText" ON dem_demands USING gin (array_to_tsvector(string_to_array("SearchText", ' ')));
CREATE INDEX "FTS_mem_members_SearchText" ON mem_members USING gin (array_to_tsvector(string_to_array("SearchText", ' ')));
