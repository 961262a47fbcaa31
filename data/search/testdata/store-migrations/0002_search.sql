-- Search index (package data/search). Standalone tables, keyed by the ids of
-- the passages and notes they cover, written by search.Index.Put and Delete
-- inside the store's own transactions.

-- search_meta holds counters. 'gen' is bumped by every Put and Delete; the
-- in-memory caches of an open Index compare it to know when to refresh.
CREATE TABLE search_meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO search_meta (key, value) VALUES ('gen', 0), ('format', 1);

-- search_terms is the vocabulary: every folded word ever indexed. Rows are
-- only ever inserted, with ids handed out in commit order, so an open index
-- reads new terms by id.
CREATE TABLE search_terms (
    id   INTEGER PRIMARY KEY,
    term TEXT NOT NULL
);

-- search_df holds document-frequency changes: one row per Put or Delete,
-- a list of (term id, change). Summed, they give each term's number of live
-- documents. When rows pile up they are summed into one row marked base.
CREATE TABLE search_df (
    gen  INTEGER PRIMARY KEY,
    base INTEGER NOT NULL,
    data BLOB NOT NULL
);

-- search_docs holds one row per indexed passage or note. key is id*2+source
-- (source 0 = passage, 1 = note). gen is the generation that wrote the row;
-- a posting is valid only if it carries the same gen. Deleted documents stay
-- as tombstones (live = 0, toks empty) so that open indexes notice. toks is
-- the document's token stream (term id, offsets) used for phrases, proximity
-- and match spans.
CREATE TABLE search_docs (
    key     INTEGER PRIMARY KEY,
    gen     INTEGER NOT NULL,
    live    INTEGER NOT NULL,
    passage INTEGER NOT NULL,
    article INTEGER NOT NULL,
    len     INTEGER NOT NULL,
    toks    BLOB NOT NULL
);
CREATE INDEX search_docs_gen ON search_docs (gen);

-- search_postings holds, per term, segments of postings (document key, term
-- frequency). Each Put appends one segment per term it touches, so a batch
-- never rewrites a large list; small segments are merged when a term has too
-- many. Stale postings (of replaced or deleted documents) are skipped by
-- generation. Replacing or deleting a document also writes a tombstone
-- (frequency 0) for each term its old version held and the new one does not,
-- so a merge, keeping the newest posting per document, drops stale postings
-- (and, when it takes every segment of the term, the tombstones).
CREATE TABLE search_postings (
    term INTEGER NOT NULL,
    gen  INTEGER NOT NULL,
    n    INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (term, gen)
) WITHOUT ROWID;
