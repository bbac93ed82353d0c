-- The ledger's title search (q, a substring of the title or the code: ItemSpecifications) read every title at
-- 1,000,000 items. pg_trgm's GIN indexes answer `like '%…%'` from the index when the term has three or more
-- characters (a two-character term has no trigram: PostgreSQL still scans, and the ledger's bounded total
-- keeps that count short when the term is common). PostgreSQL only (db/vendor/postgresql); H2 keeps its scan.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database's owner may create it.
create extension if not exists pg_trgm;
create index ls_item_title_trgm on ls_item using gin (title gin_trgm_ops);
create index ls_item_code_trgm on ls_item using gin (code gin_trgm_ops);
-- the case-insensitive search (a term with letters) compares lower(title) and lower(code)
create index ls_item_title_lower_trgm on ls_item using gin (lower(title) gin_trgm_ops);
create index ls_item_code_lower_trgm on ls_item using gin (lower(code) gin_trgm_ops);
