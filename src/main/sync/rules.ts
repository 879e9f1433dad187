/**
 * The team database's rules, enforced by the server itself: a `validate_doc_update` function in a
 * design document the app installs. CouchDB runs it for every write, replicated ones included, with
 * the writer's roles; a refusal comes back to the app as "forbidden" with the reason in words.
 * Server and database admins are not checked (they set the team up).
 * - A finding is closed by sign-off: an `approve` status step (status-sync.ts) is added, or changed,
 *   only by an approver.
 * - A finding without steps (shared from a store made before they were kept) shares its status as a
 *   value; changing that value to Closed is an approver's too. A finding first shared already closed (a
 *   store of earlier work joining the team) is not a close.
 * - The team settings (the index document) are changed only by an officer.
 */
export const RULES_ID = '_design/liaison-rules';
/** Bumped when the function changes, so the app installs the new one. */
export const RULES_VERSION = 2;

/** The kind of document a finding's status step is (see status-sync.ts). */
export const STEP_KIND = 'findings/tracking.steps';

export const ROLES = { approver: 'approver', officer: 'officer' } as const;

/** Plain ES5: CouchDB's JavaScript engine runs it, not Node. */
const validate = `function (newDoc, oldDoc, userCtx, secObj) {
  var roles = (userCtx && userCtx.roles) || [];
  var has = function (role) { return roles.indexOf(role) !== -1; };
  if (has('_admin')) return;
  var admins = (secObj && secObj.admins) || {};
  if ((admins.names || []).indexOf(userCtx.name) !== -1) return;
  for (var i = 0; i < (admins.roles || []).length; i++) if (has(admins.roles[i])) return;
  var value = function (doc, field) { return doc && doc.f && doc.f[field] ? doc.f[field].v : undefined; };
  var values = function (doc) {
    var out = {};
    if (doc && doc.f) for (var k in doc.f) out[k] = doc.f[k].v;
    return JSON.stringify(out);
  };
  if (newDoc._id === 'i' && !has('${ROLES.officer}')) {
    if (newDoc._deleted || !oldDoc || values(newDoc) !== values(oldDoc)) {
      throw({ forbidden: 'Only an officer can change the team settings' });
    }
  }
  if (!newDoc._deleted && newDoc.kind === '${STEP_KIND}' && value(newDoc, 'step') === 'approve' && !has('${ROLES.approver}')) {
    if (!oldDoc || oldDoc._deleted || values(newDoc) !== values(oldDoc)) throw({ forbidden: 'Only an approver can close a finding' });
  }
  if (!newDoc._deleted && newDoc.kind === 'findings' && value(newDoc, 'tracking.status') === 'Closed' && oldDoc && !oldDoc._deleted && value(oldDoc, 'tracking.status') !== 'Closed' && !has('${ROLES.approver}')) {
    throw({ forbidden: 'Only an approver can close a finding' });
  }
}`;

export const rulesDoc = () => ({ _id: RULES_ID, liaisonRules: RULES_VERSION, validate_doc_update: validate });

/**
 * Fields whose change the rules guard, by kind of document. When conflicting revisions are merged the
 * result is written on top of a revision that already has these values, so the merge itself is not a
 * change the rules refuse (an officer's merge of an approver's close keeps the close).
 */
export function guardedFields(id: string, kind: string): string[] | 'all' {
  if (id === 'i') return 'all';
  if (kind === 'findings') return ['tracking.status'];
  return [];
}
