-- The forum in every language: category names and descriptions keyed by language code, the language
-- of each post and thread, and full-text search with each language's configuration.

-- Category texts: { "en": "…", "ru": "…", … }. English is required for the name; the description
-- always has an English entry (possibly empty) and other languages only when they have a text.
-- The standard categories' other languages are filled in from the translation files at start-up
-- (ensureForumCategories), which never replaces a text that is there.
ALTER TABLE "ForumCategory" ADD COLUMN "name" JSONB, ADD COLUMN "description" JSONB NOT NULL DEFAULT '{}';
UPDATE "ForumCategory" SET
  "name" = jsonb_build_object('en', "nameEn")
    || CASE WHEN btrim("nameRu") <> '' THEN jsonb_build_object('ru', "nameRu") ELSE '{}'::jsonb END,
  "description" = jsonb_build_object('en', "descriptionEn")
    || CASE WHEN btrim("descriptionRu") <> '' THEN jsonb_build_object('ru', "descriptionRu") ELSE '{}'::jsonb END;
ALTER TABLE "ForumCategory"
  ALTER COLUMN "name" SET NOT NULL,
  DROP COLUMN "nameEn",
  DROP COLUMN "nameRu",
  DROP COLUMN "descriptionEn",
  DROP COLUMN "descriptionRu",
  ADD CONSTRAINT "ForumCategory_name_check" CHECK (jsonb_typeof("name") = 'object' AND jsonb_typeof("name" -> 'en') = 'string'),
  ADD CONSTRAINT "ForumCategory_description_check" CHECK (jsonb_typeof("description") = 'object');

-- The language of each post and thread: one of app/utils/i18n.ts's SUPPORTED_LANGUAGES.
ALTER TABLE "ForumPost" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en',
  ADD CONSTRAINT "ForumPost_language_check" CHECK ("language" IN ('en', 'ru', 'kk', 'ky', 'uz', 'tg', 'tk', 'mn', 'fa-AF', 'ps'));
ALTER TABLE "ForumThread" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en',
  ADD CONSTRAINT "ForumThread_language_check" CHECK ("language" IN ('en', 'ru', 'kk', 'ky', 'uz', 'tg', 'tk', 'mn', 'fa-AF', 'ps'));

-- Existing posts: a best-effort guess by script and letters (app/utils/guess-language.ts does it
-- properly for new posts): the script with the most letters, then letters only one language uses.
UPDATE "ForumPost" p SET "language" = CASE
    WHEN s.arabic > s.cyrillic AND s.arabic > s.latin THEN
      CASE WHEN s.own ~ '[ټډړښږځڅۍېڼګ]' THEN 'ps' ELSE 'fa-AF' END
    WHEN s.cyrillic > s.latin THEN
      CASE
        WHEN s.own ~ '[әұіһӘҰІҺ]' THEN 'kk'
        WHEN s.own ~ '[ӣӯҳҷӢӮҲҶ]' THEN 'tg'
        WHEN s.own ~ '[ңҢ]' THEN 'ky'
        WHEN s.own ~ '[өүӨҮ]' THEN 'mn'
        ELSE 'ru'
      END
    WHEN s.own ~ '[OoGg][ʻ‘]' THEN 'uz'
    WHEN s.own ~ '[ňýžşäŇÝŽŞÄ]' THEN 'tk'
    ELSE 'en'
  END
FROM (
  SELECT id, own,
    regexp_count(own, '[\u0600-\u06FF]') AS arabic,
    regexp_count(own, '[\u0400-\u04FF]') AS cyrillic,
    regexp_count(own, '[A-Za-z]') AS latin
  -- Quoted lines are someone else's words.
  FROM (SELECT id, regexp_replace(body, '^ {0,3}>.*$', '', 'gn') AS own FROM "ForumPost") q
) s
WHERE s.id = p.id;
UPDATE "ForumThread" t SET "language" = p."language" FROM "ForumPost" p WHERE p."threadId" = t.id AND p.number = 1;

-- CreateIndex: a category's threads in one language, in the order the category page lists them.
CREATE INDEX "ForumThread_categoryId_language_pinned_lastPostAt_id_idx" ON "ForumThread"("categoryId", "language", "pinned", "lastPostAt", "id");

-- Full-text search: each text with its language's configuration, stemming where PostgreSQL has a
-- stemmer for it (English, Russian), `simple` (lower-cased words) for the others. The search query
-- (app/models/forum-search.server.ts) uses the same expressions, so these indexes serve it.
CREATE FUNCTION forum_search_config(lang TEXT) RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE lang WHEN 'en' THEN 'english'::regconfig WHEN 'ru' THEN 'russian'::regconfig ELSE 'simple'::regconfig END $$;

DROP INDEX "ForumThread_search_idx";
DROP INDEX "ForumPost_search_idx";
CREATE INDEX "ForumThread_search_idx" ON "ForumThread" USING GIN (to_tsvector(forum_search_config("language"), "title"));
CREATE INDEX "ForumPost_search_idx" ON "ForumPost" USING GIN (to_tsvector(forum_search_config("language"), "body"));
