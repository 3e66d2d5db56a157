-- The number of published enterprises, kept current in the same transaction as every change to
-- "Enterprise" by statement-level triggers, so the home page reads one row instead of counting
-- 100,000 on each request.
CREATE TABLE "EnterpriseCount" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "published" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "EnterpriseCount_pkey" PRIMARY KEY ("id")
);
INSERT INTO "EnterpriseCount" ("id", "published") SELECT 1, count(*) FROM "Enterprise" WHERE "status" = 'published';

CREATE FUNCTION enterprise_count_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE public."EnterpriseCount" SET "published" = "published" + (SELECT count(*) FROM new_rows WHERE "status" = 'published') WHERE "id" = 1;
  RETURN NULL;
END $$;
CREATE FUNCTION enterprise_count_after_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE public."EnterpriseCount" SET "published" = "published"
    + (SELECT count(*) FROM new_rows WHERE "status" = 'published') - (SELECT count(*) FROM old_rows WHERE "status" = 'published') WHERE "id" = 1;
  RETURN NULL;
END $$;
CREATE FUNCTION enterprise_count_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE public."EnterpriseCount" SET "published" = "published" - (SELECT count(*) FROM old_rows WHERE "status" = 'published') WHERE "id" = 1;
  RETURN NULL;
END $$;
CREATE FUNCTION enterprise_count_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  UPDATE public."EnterpriseCount" SET "published" = 0 WHERE "id" = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER "Enterprise_count_insert" AFTER INSERT ON "Enterprise" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION enterprise_count_after_insert();
CREATE TRIGGER "Enterprise_count_update" AFTER UPDATE ON "Enterprise" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION enterprise_count_after_update();
CREATE TRIGGER "Enterprise_count_delete" AFTER DELETE ON "Enterprise" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION enterprise_count_after_delete();
CREATE TRIGGER "Enterprise_count_truncate" AFTER TRUNCATE ON "Enterprise"
  FOR EACH STATEMENT EXECUTE FUNCTION enterprise_count_after_truncate();
