import type { Store } from '../store/repository';
import { RegisterIndex } from '../tracking/register-index';
import { todayIso } from '../tracking/periods';

const indexes = new WeakMap<Store, RegisterIndex>();

/**
 * The store's findings register: built on first use, then kept up to date from the store's change
 * events, one report at a time (and within it, one changed finding at a time).
 */
export function registerOf(store: Store): RegisterIndex {
  const held = indexes.get(store);
  if (held) return held;
  const made = new RegisterIndex(() => todayIso());
  made.load(store.allReportDocs());
  store.onChange((change) => {
    if (change.kind !== 'report') return;
    const doc = store.reportDoc(change.id);
    if (doc) made.setReport(doc.report, doc.findings);
    else made.removeReport(change.id);
  });
  indexes.set(store, made);
  return made;
}
