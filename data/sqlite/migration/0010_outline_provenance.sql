-- Where an outline came from, as 0004 records it for highlights and notes,
-- so that merging a classmate's file never changes the student's own
-- outline: from_name is who it came from ('' for the student's own); peer
-- and from_uid are the classmate and the outline's id in their file, which
-- a later file from that classmate may update; from_modified is the
-- classmate's version last merged in (an outline whose updated_at differs
-- was changed by the student since, and is theirs).
ALTER TABLE outlines ADD COLUMN from_name TEXT NOT NULL DEFAULT '';
ALTER TABLE outlines ADD COLUMN peer TEXT NOT NULL DEFAULT '';
ALTER TABLE outlines ADD COLUMN from_uid TEXT NOT NULL DEFAULT '';
ALTER TABLE outlines ADD COLUMN from_modified TEXT NOT NULL DEFAULT '';
CREATE INDEX outlines_peer ON outlines(peer, from_uid);
-- A merge that updates an outline now records it whole in import_changes
-- (before: its columns, sections and items), so undoing puts it back.

-- A classmate's outline the student deleted: merging the same file again
-- does not bring it back (highlights and notes keep a deleted_at for this);
-- a newer version from that classmate is added again.
CREATE TABLE outlines_deleted (
	peer          TEXT NOT NULL,
	from_uid      TEXT NOT NULL,
	from_modified TEXT NOT NULL,
	PRIMARY KEY (peer, from_uid)
);
