-- Citations (issue 10): each article's source type, its title in sentence
-- case for APA (derived when the article is stored, correctable by the
-- user; '' until derived) and the date it was read, cited for undated
-- sources ('' means the date it was added).
ALTER TABLE articles ADD COLUMN source_type TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN title_sentence TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN accessed TEXT NOT NULL DEFAULT '';

-- Who made a highlight or a note merged from a classmate's file, as the
-- file names them; '' for the student's own, which the W3C export credits
-- to the name in the settings.
ALTER TABLE highlights ADD COLUMN creator TEXT NOT NULL DEFAULT '';
ALTER TABLE notes ADD COLUMN creator TEXT NOT NULL DEFAULT '';

-- The bundled articles' types, as their public record gives them.
UPDATE articles SET source_type = 'newspaper' WHERE origin = 'seed:000_3314bc92a2a454ff.txt' AND meta_edited = 0;
UPDATE articles SET source_type = 'news website' WHERE origin IN ('seed:001_b015dc53e88b5f60.txt', 'seed:002_e4365a94bf8ca061.txt') AND meta_edited = 0;

-- Only body paragraphs are numbered now: captions and credits keep their
-- place (seq) but lose their number. Notes and highlights point at passage
-- ids, which do not change, so every note keeps its passage.
UPDATE passages SET n = 0 WHERE kind <> 'body';
-- One pass over the passages (a window, not a count per passage, which
-- took a minute on a library of long articles).
UPDATE passages SET n = body.n FROM (
	SELECT id, row_number() OVER (PARTITION BY article_id ORDER BY seq) AS n
	FROM passages WHERE kind = 'body'
) AS body
WHERE passages.id = body.id;
