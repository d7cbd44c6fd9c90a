-- 0022: a demand about a compound with its own branch (拆—转—建) is handled there first.
ALTER TABLE dem_demands ADD COLUMN "CompoundUnitId" uuid;
