import { AppError } from '../../shared/api/result';
import type { Finding } from '../../shared/domain/finding';
import type { LifecycleStep } from '../../shared/domain/lifecycle-step';
import type { Store } from '../store/repository';
import { applyLifecycleStep } from '../tracking/lifecycle';
import { compareReportsByTime } from '../tracking/periods';
import { todayIso } from '../tracking/periods';
import { referencesOf, requireFinding } from './findings';

/**
 * Takes a finding one step through its life (propose, approve, send back, supersede, no further action,
 * reopen), recorded in its history against the officer's name. A supersede must name a finding of a later
 * report.
 */
export async function stepFinding(store: Store, id: string, step: LifecycleStep, at: string, today = todayIso()): Promise<Finding> {
  const { report } = requireFinding(store, id);
  let supersededByLabel: string | undefined;
  if (step.step === 'supersede') {
    if (step.byFindingId === id) throw new AppError('invalid-input', 'A finding cannot supersede itself; choose the later finding that replaces it.');
    let later: ReturnType<typeof requireFinding>;
    try {
      later = requireFinding(store, step.byFindingId);
    } catch {
      throw new AppError('not-found', `There is no finding with id ${step.byFindingId} to supersede this one.`);
    }
    if (later.report.id === report.id || compareReportsByTime(later.report, report) <= 0) {
      throw new AppError('invalid-input', `“${later.report.title}” is not later than “${report.title}”: a finding is superseded by one from a later inspection.`);
    }
    supersededByLabel = referencesOf(store, [later.report.id]).get(later.finding.id);
  }
  const by = store.index.settings.userName;
  return store.updateReport(report.id, (draft) => {
    const finding = draft.findings.find((f) => f.id === id) as Finding;
    finding.tracking = applyLifecycleStep(finding.tracking, step, { by, at, today, supersededByLabel });
    return finding;
  });
}
