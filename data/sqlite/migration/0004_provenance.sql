-- Where a highlight or note came from, so that merging a classmate's file
-- never overwrites the student's own work, and so that a merge can be undone.
--
-- from_name is who it came from, as the student sees it ('' for the
-- student's own). peer and from_uid are the classmate and the id in their
-- file that this row follows: a later file from the same classmate may
-- update it, nothing else may. from_modified is the classmate's version last
-- merged into it; a row whose updated_at differs was changed by the student
-- since, and is then the student's (peer is cleared).
ALTER TABLE highlights ADD COLUMN from_name TEXT NOT NULL DEFAULT '';
ALTER TABLE highlights ADD COLUMN peer TEXT NOT NULL DEFAULT '';
ALTER TABLE highlights ADD COLUMN from_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE highlights ADD COLUMN from_modified TEXT NOT NULL DEFAULT '';
CREATE INDEX highlights_peer ON highlights(peer, from_uid);

ALTER TABLE notes ADD COLUMN from_name TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN peer TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN from_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN from_modified TEXT NOT NULL DEFAULT '';
CREATE INDEX notes_peer ON notes(peer, from_uid);

-- One row per merge of a classmate's file; undone_at is set when the
-- student undoes it.
CREATE TABLE imports (
	id        INTEGER PRIMARY KEY,
	file      TEXT NOT NULL,
	from_name TEXT NOT NULL,
	at        TEXT NOT NULL,
	undone_at TEXT
);

-- What a merge changed: a row it added (before is NULL) or the row as it
-- was before the merge changed it (JSON of its columns). 'outlines' rows
-- (migration 0007) are recorded when added only.
CREATE TABLE import_changes (
	id        INTEGER PRIMARY KEY,
	import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
	tbl       TEXT NOT NULL CHECK (tbl IN ('highlights', 'notes', 'outlines')),
	row_id    INTEGER NOT NULL,
	before    TEXT
);
CREATE INDEX import_changes_row ON import_changes(import_id, tbl, row_id);
