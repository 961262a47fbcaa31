// Checks a Casebook W3C export against the MUST assertions of the W3C Web
// Annotation test suite (../shared/w3c-annotation-tests), with ajv, for the
// Go test in data/export. Reads {"suite": dir, "doc": AnnotationCollection}
// on standard input and writes a list of {"target", "assertion", "ok",
// "message"}: the collection against collectionMusts, its embedded page
// against pageMusts and every annotation against annotationMusts, the page
// and the annotations with the collection's @context, as the suite says.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const suite = input.suite;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const defs = path.join(suite, 'definitions');
for (const f of fs.readdirSync(defs)) {
  if (f.endsWith('.json')) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(defs, f), 'utf8')));
}
const compiled = {};
function assertion(rel) {
  if (!compiled[rel]) {
    const schema = JSON.parse(fs.readFileSync(path.join(suite, rel), 'utf8'));
    compiled[rel] = { schema, validate: ajv.getSchema(schema.id) || ajv.compile(schema) };
  }
  return compiled[rel];
}
function musts(testFile) {
  return JSON.parse(fs.readFileSync(path.join(suite, testFile), 'utf8')).assertions;
}

const out = [];
function check(target, doc, testFile) {
  for (const rel of musts(testFile)) {
    if (typeof rel !== 'string') continue;
    const a = assertion(rel);
    const valid = a.validate(doc);
    const ok = (a.schema.expectedResult || 'valid') === 'valid' ? valid : !valid;
    out.push({ target, assertion: rel, ok, message: ok ? '' : (a.schema.errorMessage || '') + ' ' + ajv.errorsText(a.validate.errors) });
  }
}

const coll = input.doc;
const ctx = coll['@context'];
check('collection', coll, 'collections/collectionMusts.test');
if (coll.first && typeof coll.first === 'object') {
  const page = Object.assign({ '@context': ctx }, coll.first);
  check('page', page, 'collections/pages/pageMusts.test');
  (coll.first.items || []).forEach((item, i) => {
    check('annotation ' + (item.id || i), Object.assign({ '@context': ctx }, item), 'annotations/annotationMusts.test');
  });
}
process.stdout.write(JSON.stringify(out));
