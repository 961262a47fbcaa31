// Formats CSL-JSON items with citeproc-js, the reference CSL processor, for
// Casebook's oracle test (data/export/cite). Reads on standard input
//   {"jobs": [{"style": path, "locale": path, "items": [CSL-JSON],
//              "cites": [{"id", "locator"?, "label"?}]}]}
// (one engine per style, reset for each job; so an item id must name the
// same item in every job) and writes, for each job, {"bibliography": [{"id", "html"}],
// "citations": [html]}: every
// item's reference entry in the style's order, and the cites made one after
// another in one document (a note style gives each its own footnote, so the
// first note on a work is full and later ones short).
'use strict';
const fs = require('fs');
const CSL = require('citeproc');

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const files = {};
const read = (f) => (files[f] = files[f] || fs.readFileSync(f, 'utf8'));

// Building an engine takes seconds (the APA style is large), so each style
// gets one, reset for every job: no citations, and only the job's items.
let items = {};
const engines = {};
function engineFor(job) {
  const key = job.style + '\n' + job.locale;
  if (!engines[key]) {
    const sys = {
      retrieveLocale: () => read(job.locale),
      retrieveItem: (id) => items[id],
    };
    engines[key] = new CSL.Engine(sys, read(job.style), 'en-US', true);
    engines[key].setOutputFormat('html');
  }
  return engines[key];
}

function run(job) {
  items = {};
  for (const it of job.items) items[it.id] = it;
  const engine = engineFor(job);
  engine.restoreProcessorState([]);
  engine.updateItems(job.items.map((it) => it.id));

  const citations = [];
  const pre = [];
  (job.cites || []).forEach((c, i) => {
    const item = { id: c.id };
    if (c.locator) { item.locator = String(c.locator); item.label = c.label || 'paragraph'; }
    const citation = { citationID: 'c' + i, citationItems: [item], properties: { noteIndex: i + 1 } };
    const [status, out] = engine.processCitationCluster(citation, pre, []);
    if (status.citation_errors && status.citation_errors.length) throw new Error(JSON.stringify(status.citation_errors));
    // out lists every citation whose text changed: this one, and earlier
    // ones a new citation changes (a disambiguation).
    for (const o of out) citations[Number(o[2].slice(1))] = o[1];
    pre.push(['c' + i, i + 1]);
  });

  const [meta, entries] = engine.makeBibliography();
  const bibliography = entries.map((html, i) => ({ id: meta.entry_ids[i][0], html }));
  return { bibliography, citations };
}

process.stdout.write(JSON.stringify(input.jobs.map(run)));
