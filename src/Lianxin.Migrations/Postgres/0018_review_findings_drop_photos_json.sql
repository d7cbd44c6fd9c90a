-- Reviews: a finding's photos live in rev_photos; the unused PhotosJson column (never read, a 500 on PostgreSQL
-- when a client sent a long list) goes.
ALTER TABLE rev_findings DROP COLUMN "PhotosJson";
