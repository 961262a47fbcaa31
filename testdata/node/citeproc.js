// Formats CSL-JSON items with citeproc-js, the reference CSL processor, for
// Casebook's oracle test (data/export/cite). Reads on standard input:
//   {"style": path, "locale": path, "items": [CSL-JSON],
//    "cites": [{"id", "locator"?, "label"?}]}
// and writes {"bibliography": [{"id", "html"}], "citations": [html]}: every
// item's reference entry in the style's order, and the cites made one after
// another in one document (a note style gives each its own footnote, so the
// first note on a work is full and later ones short).
'use strict';
const fs = require('fs');
const CSL = require('citeproc');

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const style = fs.readFileSync(input.style, 'utf8');
const locale = fs.readFileSync(input.locale, 'utf8');
const items = {};
for (const it of input.items) items[it.id] = it;

const sys = {
  retrieveLocale: () => locale,
  retrieveItem: (id) => items[id],
};
const engine = new CSL.Engine(sys, style, 'en-US', true);
engine.setOutputFormat('html');
engine.updateItems(input.items.map((it) => it.id));

const citations = [];
const pre = [];
(input.cites || []).forEach((c, i) => {
  const item = { id: c.id };
  if (c.locator) { item.locator = String(c.locator); item.label = c.label || 'paragraph'; }
  const citation = { citationID: 'c' + i, citationItems: [item], properties: { noteIndex: i + 1 } };
  const [status, out] = engine.processCitationCluster(citation, pre, []);
  if (status.citation_errors && status.citation_errors.length) throw new Error(JSON.stringify(status.citation_errors));
  // out lists every citation whose text changed; this one is among them.
  const mine = out.find((o) => o[2] === 'c' + i);
  citations.push(mine ? mine[1] : '');
  for (const o of out) {
    const idx = Number(o[2].slice(1));
    if (idx < i) citations[idx] = o[1];
  }
  pre.push(['c' + i, i + 1]);
});

const [meta, entries] = engine.makeBibliography();
const bibliography = entries.map((html, i) => ({ id: meta.entry_ids[i][0], html }));
process.stdout.write(JSON.stringify({ bibliography, citations }));
