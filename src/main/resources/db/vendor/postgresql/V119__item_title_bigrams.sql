-- A two-character title search (q of two characters: the usual length of a Chinese word, 拆迁, 污水) has no
-- trigram, so V116's indexes cannot answer it: PostgreSQL read every title, and a term that few items contain
-- took 160 ms to count and 450 ms for its first page at 1,000,000 items (bench/README.md). This index holds
-- the two-character pieces of each item's lower(title) and lower(code) (none with a space: a trimmed
-- two-character term has none). ItemSpecifications adds `ls_item_has_bigram(title, code, term)` beside the
-- `like` when TitleBigrams finds, from PostgreSQL's statistics of this index, that the index is the cheaper
-- way for that term; a common term (in a sixth of all titles) is found faster by the scan, which the count's
-- limit stops early. PostgreSQL only (db/vendor/postgresql); H2 keeps its scan.
create function ls_bigrams(s text) returns text[] language sql immutable strict parallel safe as $$
  select coalesce(array_agg(distinct b), '{}')
  from (select substr(s, i, 2) as b from generate_series(1, length(s) - 1) as i) pieces
  where b !~ '\s'
$$;

-- inlined by the planner (one select of an immutable expression), so the index below answers it
create function ls_item_has_bigram(title text, code text, bigram text) returns boolean
  language sql immutable parallel safe as $$
  select ls_bigrams(lower(title) || ' ' || lower(code)) @> array[bigram]
$$;

-- about 36 s and 34 MB at 1,000,000 items; writes to ls_item wait for it
create index ls_item_title_bigrams on ls_item using gin (ls_bigrams(lower(title) || ' ' || lower(code)));

-- the statistics of the index's pieces (most common ones and their share) that TitleBigrams reads; without
-- them every term would look rare until autovacuum next analyses the table
analyze ls_item;
