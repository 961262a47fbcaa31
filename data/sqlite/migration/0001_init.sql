-- Casebook library, first schema.

CREATE TABLE articles (
	id        INTEGER PRIMARY KEY,
	origin    TEXT NOT NULL UNIQUE,
	hash      TEXT NOT NULL,
	title     TEXT NOT NULL DEFAULT '',
	outlet    TEXT NOT NULL DEFAULT '',
	author    TEXT NOT NULL DEFAULT '',
	date      TEXT NOT NULL DEFAULT '',
	date_note TEXT NOT NULL DEFAULT '',
	source    TEXT NOT NULL DEFAULT '',
	original  TEXT NOT NULL,
	added_at  TEXT NOT NULL,
	-- Set once the user edits the metadata, so that a new release of a seed
	-- updates the text but keeps the user's corrections.
	meta_edited INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_hash ON articles(hash);

-- Every paragraph of an article, whatever its kind. n is the citation number
-- (1..n over body and caption passages), 0 for the other kinds.
CREATE TABLE passages (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	n          INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	text       TEXT NOT NULL,
	UNIQUE (article_id, seq)
);

CREATE TABLE colours (
	key      TEXT PRIMARY KEY,
	meaning  TEXT NOT NULL,
	rgb      TEXT NOT NULL,
	position INTEGER NOT NULL
);
INSERT INTO colours (key, meaning, rgb, position) VALUES
	('yellow', 'Key fact', '#ffd54f', 1),
	('red', 'Disputed / contradiction', '#ef5350', 2),
	('green', 'Quote to use', '#66bb6a', 3),
	('blue', 'Background', '#42a5f5', 4),
	('purple', 'Question', '#ab47bc', 5);

-- Highlights and notes carry their anchor: the quote with the text before
-- and after it. passage_id is NULL for an orphan, whose text changed and
-- could not be placed again; article_id keeps it listed under its article.
CREATE TABLE highlights (
	id         INTEGER PRIMARY KEY,
	uid        TEXT NOT NULL UNIQUE,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	passage_id INTEGER REFERENCES passages(id) ON DELETE SET NULL,
	start      INTEGER NOT NULL,
	end        INTEGER NOT NULL,
	quote      TEXT NOT NULL,
	prefix     TEXT NOT NULL,
	suffix     TEXT NOT NULL,
	colour     TEXT NOT NULL REFERENCES colours(key),
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	deleted_at TEXT
);
CREATE INDEX highlights_passage ON highlights(passage_id);
CREATE INDEX highlights_article ON highlights(article_id);

-- Deleting a note sets deleted_at, so that the deletion can be undone.
CREATE TABLE notes (
	id           INTEGER PRIMARY KEY,
	uid          TEXT NOT NULL UNIQUE,
	article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	passage_id   INTEGER REFERENCES passages(id) ON DELETE SET NULL,
	highlight_id INTEGER REFERENCES highlights(id) ON DELETE SET NULL,
	start        INTEGER NOT NULL,
	end          INTEGER NOT NULL,
	quote        TEXT NOT NULL,
	prefix       TEXT NOT NULL,
	suffix       TEXT NOT NULL,
	body         TEXT NOT NULL,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL,
	deleted_at   TEXT
);
CREATE INDEX notes_passage ON notes(passage_id);
CREATE INDEX notes_article ON notes(article_id);

CREATE TABLE tags (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE note_tags (
	note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
	tag_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
	PRIMARY KEY (note_id, tag_id)
);
CREATE INDEX note_tags_tag ON note_tags(tag_id);
