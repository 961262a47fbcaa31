-- The student's corrections to the case at a glance (people index and
-- timeline, issue 12). They are keyed by what survives a re-import and a new
-- extraction, never by row ids:
--   target 'person': key is a name or alias as the index shows it (matched
--     without regard to case); actions hide, rename, merge (value: the name
--     to merge into), role, kind.
--   target 'event': key is the sentence that reports the event, verbatim,
--     and origin the article's origin; actions hide, date (value: an ISO
--     date prefix), label (label), and add (key: the passage's text, value:
--     the date, label: the label).
CREATE TABLE case_corrections (
	id         INTEGER PRIMARY KEY,
	target     TEXT NOT NULL CHECK (target IN ('person', 'event')),
	action     TEXT NOT NULL,
	key        TEXT NOT NULL,
	origin     TEXT NOT NULL DEFAULT '',
	value      TEXT NOT NULL DEFAULT '',
	label      TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
CREATE INDEX case_corrections_target ON case_corrections(target, key);
