-- 0047 (ADR 0029): the audit key version each entry was signed with. Entries already written were hashed without a
-- key: version 0, which still verifies; new entries carry the current key's version (HMAC-SHA256).
ALTER TABLE aud_entries ADD COLUMN "KeyVersion" integer NOT NULL DEFAULT 0;
