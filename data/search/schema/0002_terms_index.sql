-- Was the store's migration 0003_search_terms_index.sql.
-- Writers look up the ids of a batch's words in the library when the
-- in-memory vocabulary is behind (a run of imports with no search between
-- them); without an index each lookup scanned the whole vocabulary.
CREATE UNIQUE INDEX search_terms_term ON search_terms (term);
