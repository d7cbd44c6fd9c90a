-- A street's demand rules carry a version, so two dispatchers editing them at once cannot overwrite each other.
ALTER TABLE dem_street_settings ADD COLUMN "Version" integer NOT NULL DEFAULT 0;
