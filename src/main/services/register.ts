import type { Finding } from '../../shared/domain/finding';
import type { Report } from '../../shared/domain/report';
import type { Store } from '../store/repository';
import type { ReportDoc } from '../store/schema';
import { RegisterIndex } from '../tracking/register-index';
import { todayIso } from '../tracking/periods';
import { publishedOn, withRag } from '../tracking/rag';
import { activeReportDocs, isActive } from './report-lifecycle';

interface Held {
  index: RegisterIndex;
  /** The day and the RAG rules the rows' derived RAG was worked out for. */
  basis: string;
}

const indexes = new WeakMap<Store, Held>();

const basisOf = (store: Store) => `${todayIso()}\u0000${JSON.stringify(store.index.tracking.rag)}`;

/** A report's findings as main sends them out: with the RAG that applies today (the officer's, else the written rules'). */
function tracked(store: Store, doc: { report: Report; findings: readonly Finding[] }): Finding[] {
  const rules = store.index.tracking.rag;
  const published = publishedOn(doc.report);
  const today = todayIso();
  return doc.findings.map((f) => withRag(f, published, rules, today));
}

const load = (store: Store, index: RegisterIndex) => index.load(activeReportDocs(store).map((doc: ReportDoc) => ({ report: doc.report, findings: tracked(store, doc) })));

/**
 * The store's findings register: built on first use, then kept up to date from the store's change
 * events, one report at a time (archived and superseded reports are left out) (and within it, one changed finding at a time). Derived RAG depends on the
 * day and on the RAG rules in Settings: when either changes, the rows are worked out again.
 */
export function registerOf(store: Store): RegisterIndex {
  const held = indexes.get(store);
  if (held) {
    const basis = basisOf(store);
    if (held.basis !== basis) {
      load(store, held.index);
      held.basis = basis;
    }
    return held.index;
  }
  const made: Held = { index: new RegisterIndex(() => todayIso()), basis: basisOf(store) };
  load(store, made.index);
  store.onChange((change) => {
    if (change.kind !== 'report') return;
    const doc = store.reportDoc(change.id);
    if (doc && isActive(doc.report)) made.index.setReport(doc.report, tracked(store, doc));
    else made.index.removeReport(change.id);
  });
  indexes.set(store, made);
  return made.index;
}
