-- An imported article the student deletes goes to a bin: it is marked, not
-- removed, so that it and its highlights and notes can be restored. The
-- library, the search index, the lists of notes and highlights and the
-- exports leave out the articles in the bin.
ALTER TABLE articles ADD COLUMN deleted_at TEXT;
