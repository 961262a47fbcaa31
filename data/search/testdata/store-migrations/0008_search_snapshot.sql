-- search_snapshot holds at most one row: the in-memory image of the search
-- index (package data/search: the vocabulary in sorted order with document
-- frequencies, and the document table) as of generation gen. An index that
-- had loaded the library stores it when it closes, if much was written since
-- the last one; a new process then loads it in one read and applies only
-- the rows written after gen, instead of reading and sorting every table.
-- It is derived data: without it (or with a damaged one) the index loads
-- from the tables.
CREATE TABLE search_snapshot (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    gen  INTEGER NOT NULL,
    data BLOB NOT NULL
);
