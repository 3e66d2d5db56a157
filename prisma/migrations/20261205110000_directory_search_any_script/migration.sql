-- Directory search that finds names in every script, ignores accents and matches the start of words.
-- unaccent() is only STABLE (it reads a dictionary that could change), so indexes use an IMMUTABLE
-- wrapper naming the dictionary explicitly. Names are schema-qualified: VACUUM, ANALYZE and index builds
-- evaluate index expressions with a search_path of pg_catalog only (PostgreSQL 17+).
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION ortaq_unaccent(value TEXT) RETURNS TEXT
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

-- What a directory search looks in: stemmed English and Russian, and word by word ('simple') for
-- Kazakh, Kyrgyz, Uzbek, Tajik, Turkmen, Mongolian, Dari, Pashto and anything else, all without accents.
-- PL/pgSQL with a high cost so the planner never chooses to compute it row by row over the table when
-- the index answers (that is what made a word present in every name time out).
CREATE FUNCTION enterprise_search_vector(name TEXT, description TEXT, mission TEXT) RETURNS tsvector
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 10000
  AS $$ BEGIN
    RETURN to_tsvector('english'::regconfig, public.ortaq_unaccent(name || ' ' || description || ' ' || mission))
        || to_tsvector('russian'::regconfig, public.ortaq_unaccent(name || ' ' || description || ' ' || mission))
        || to_tsvector('simple'::regconfig, public.ortaq_unaccent(name || ' ' || description || ' ' || mission));
  END $$;

DROP INDEX IF EXISTS "Enterprise_search_idx";
CREATE INDEX "Enterprise_search_idx" ON "Enterprise" USING GIN (enterprise_search_vector(name, description, mission));
