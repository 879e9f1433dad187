// Starts pouchdb-server (the test suite's CouchDB) after working around a bug in its validation
// plugin, pouchdb-validation 4.2: before validating a write it sets the incoming document's
// `_revisions` to the stored document's, so a replicated update (new_edits: false) of an existing
// document is silently dropped whenever the database has a validate_doc_update function. CouchDB keeps
// the incoming revision history; so does this wrapper, by putting it back after validation.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const validation = require('pouchdb-validation');

const install = validation.installValidationMethods;
validation.installValidationMethods = function () {
  const histories = new WeakMap();
  const listOf = (req) => (Array.isArray(req) ? req : req && Array.isArray(req.docs) ? req.docs : []);
  const stored = this.bulkDocs;
  this.bulkDocs = function (req, ...rest) {
    for (const doc of listOf(req)) if (histories.has(doc)) doc._revisions = histories.get(doc);
    return stored.call(this, req, ...rest);
  };
  install.call(this);
  const validated = this.bulkDocs;
  this.bulkDocs = function (req, ...rest) {
    for (const doc of listOf(req)) if (doc && doc._revisions) histories.set(doc, doc._revisions);
    return validated.call(this, req, ...rest);
  };
};

require('pouchdb-server/bin/pouchdb-server');
