-- Outlines: an essay or case brief built from the student's marks. An
-- outline is an ordered list of sections; each section has the student's
-- own text and an ordered list of items, each a passage, a highlight or a
-- note.

CREATE TABLE outlines (
	id         INTEGER PRIMARY KEY,
	uid        TEXT NOT NULL UNIQUE,
	name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
	template   TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);

CREATE TABLE outline_sections (
	id         INTEGER PRIMARY KEY,
	outline_id INTEGER NOT NULL REFERENCES outlines(id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	heading    TEXT NOT NULL,
	body       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outline_sections_outline ON outline_sections(outline_id, position);

-- A passage item keeps its article and the passage's text, so that when the
-- article is imported again with a changed text the item finds its passage
-- again (or stays, as an orphan showing the text it had). Highlight and note
-- items follow their annotation, which is re-anchored on its own.
CREATE TABLE outline_items (
	id           INTEGER PRIMARY KEY,
	section_id   INTEGER NOT NULL REFERENCES outline_sections(id) ON DELETE CASCADE,
	position     INTEGER NOT NULL,
	kind         TEXT NOT NULL CHECK (kind IN ('passage', 'highlight', 'note')),
	article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	passage_id   INTEGER REFERENCES passages(id) ON DELETE SET NULL,
	highlight_id INTEGER REFERENCES highlights(id) ON DELETE CASCADE,
	note_id      INTEGER REFERENCES notes(id) ON DELETE CASCADE,
	text         TEXT NOT NULL
);
CREATE INDEX outline_items_section ON outline_items(section_id, position);
CREATE INDEX outline_items_passage ON outline_items(passage_id);
CREATE INDEX outline_items_article ON outline_items(article_id);

-- What the student decided about a difference that Compare flagged between
-- two articles: dismissed, or marked as a real disagreement (disputed, with
-- the note that explains it).
CREATE TABLE compare_flags (
	id         INTEGER PRIMARY KEY,
	article_a  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	article_b  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	topic      TEXT NOT NULL,
	text_a     TEXT NOT NULL,
	text_b     TEXT NOT NULL,
	status     TEXT NOT NULL CHECK (status IN ('dismissed', 'disputed')),
	note_id    INTEGER REFERENCES notes(id) ON DELETE SET NULL,
	decided_at TEXT NOT NULL,
	UNIQUE (article_a, article_b, topic, text_a, text_b)
);
