import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallInput, CallName } from '../../src/shared/api/contract';
import type { Annotation, Note } from '../../src/shared/domain/notes';
import type { DeletedReport } from '../../src/shared/api/reports';

/** Ids of things made during the contract test's setup, for the calls that need one. */
export interface Fixtures {
  reportId: string;
  spareReportId: string;
  paperId: string;
  sparePaperId: string;
  /** A whole-store export made after the setup, so restoring it gives back the same store. */
  archiveBase64: string;
  /** 0 for the call over HTTP, 1 for the same call over IPC. */
  pass: 0 | 1;
  /** The findings and judgments of reportId (the 2016 web report: nine findings, four judgments). */
  findingIds: string[];
  judgmentIds: string[];
  /** Three annotations of reportId and three notes made in the setup; the second and third are deleted then restored. */
  annotations: Annotation[];
  notes: Note[];
  /** The findings of the 2018/19 report, and a link made in the setup from the 2016 report's ninth finding to its first. */
  laterFindingIds: string[];
  linkId: string;
  /** Two evidence files attached in the setup to the ninth finding of reportId. */
  attachmentIds: string[];
  /** A progress paper about reportId made in the setup. */
  progressPaperId: string;
  /** An update-request workbook made in the setup, returned as it was sent. */
  requestWorkbookBase64: string;
  /** sha256 of the 2016 report's text file (its main file), and of its HTML and PDF kept as other versions of it. */
  versionShas: { text: string; html: string; pdf: string };
  /** Two reports deleted in the setup, as reports.delete handed them back for an Undo. */
  deleted: DeletedReport[];
  /** A team database on a pouchdb-server started for the test, and its admin's name and password. */
  team: { server: string; database: string; user: string; password: string };
}

const nth = (ids: string[], n: number) => ids[n] ?? 'missing';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', name)).toString('base64');

/**
 * A valid input for every call in the contract. The type makes a call without a sample a compile
 * error, so every new call is run through both transports. Calls run in this order.
 */
export const CALL_SAMPLES: { [K in CallName]: (f: Fixtures) => CallInput<K> } = {
  'app.status': () => ({}),
  'reports.list': () => ({}),
  'reports.get': (f) => ({ id: f.reportId }),
  'reports.text': (f) => ({ id: f.reportId }),
  'reports.source': (f) => ({ id: f.reportId }),
  'reports.import': () => ({ fileName: 'hmi-assessment-transcript.txt', dataBase64: fixture('hmi-assessment-transcript.txt') }),
  'reports.importSamples': () => ({}),
  'reports.updateMeta': (f) => ({ id: f.reportId, changes: { title: 'PEEL 2016 Legitimacy', webAddress: 'https://www.justiceinspectorates.gov.uk/hmicfrs/' } }),
  'reports.addJudgment': (f) => ({ id: f.reportId, judgment: { pillar: 'Legitimacy', question: 'A question added by hand', grade: 'Good', lastInspected: null } }),
  'reports.updateJudgment': (f) => ({ id: f.reportId, judgmentId: nth(f.judgmentIds, 1), changes: { grade: 'Good' } }),
  'reports.removeJudgment': (f) => ({ id: f.reportId, judgmentId: nth(f.judgmentIds, 3 - f.pass) }),
  'reports.updateFinding': (f) => ({ id: f.reportId, findingId: nth(f.findingIds, 0), changes: { carriedOver: true } }),
  'reports.addFinding': (f) => ({
    id: f.reportId,
    finding: { kind: 'area-for-improvement', text: 'A finding added by hand', selection: { start: 100, end: 160 } },
  }),
  'reports.splitFinding': (f) => ({ id: f.reportId, findingId: nth(f.findingIds, f.pass), at: 10 }),
  'reports.mergeFindings': (f) => ({ id: f.reportId, findingIds: [nth(f.findingIds, 2 + 2 * f.pass), nth(f.findingIds, 3 + 2 * f.pass)] }),
  'reports.removeFinding': (f) => ({ id: f.reportId, findingId: nth(f.findingIds, 6 + f.pass) }),
  'reports.reextract': (f) => ({ id: f.reportId }),
  'reports.importProgress': () => ({}),
  'reports.markChecked': (f) =>
    f.pass === 0 ? { id: f.reportId, item: { type: 'finding', id: nth(f.findingIds, 8) } } : { id: f.reportId, item: { type: 'judgment', id: nth(f.judgmentIds, 0) } },
  'annotations.list': (f) => ({ reportId: f.reportId }),
  'annotations.create': (f) => ({ reportId: f.reportId, start: 200, end: 260, note: 'Asked the PSD lead about this', tags: ['interview'], colour: 'green' }),
  'annotations.update': (f) => ({ id: f.annotations[0]?.id ?? 'missing', note: 'Raised at the Gold Group', tags: ['vetting'], colour: 'blue' }),
  'annotations.delete': (f) => ({ id: f.annotations[1 + f.pass]?.id ?? 'missing' }),
  'annotations.restore': (f) => ({ annotation: f.annotations[1 + f.pass]! }),
  'annotations.export': (f) => ({ reportId: f.reportId, format: f.pass ? 'csv' : 'docx' }),
  'notes.list': (f) => ({ reportId: f.reportId, tag: 'interview' }),
  'notes.tags': () => ({}),
  'notes.create': (f) => ({ text: 'Hot debrief: vetting backlog raised by the lead inspector.', tags: ['hot debrief'], reportId: f.reportId }),
  'notes.update': (f) => ({ id: f.notes[0]?.id ?? 'missing', text: 'Interview with the head of PSD, updated.', findingId: nth(f.findingIds, 0) }),
  'notes.delete': (f) => ({ id: f.notes[1 + f.pass]?.id ?? 'missing' }),
  'notes.restore': (f) => ({ note: f.notes[1 + f.pass]! }),
  'search.query': () => ({ q: 'vetti', limit: 10 }),
  'settings.get': () => ({}),
  'settings.update': () => ({ boardName: 'Business Coordination Board' }),
  'settings.setLogo': () => ({ fileName: 'force-logo.svg', dataBase64: fixture('force-logo.svg') }),
  'settings.logo': () => ({}),
  'papers.list': () => ({}),
  'papers.create': (f) => ({ reportId: f.reportId }),
  'papers.get': (f) => ({ id: f.paperId }),
  'papers.update': (f) => ({ id: f.paperId, title: 'An update for the Board', paragraphs: { '4.3': 'The report also mentions the force’s work with its alliance partners.' } }),
  'papers.duplicate': (f) => ({ id: f.paperId }),
  'papers.export': (f) => ({ id: f.paperId }),
  'papers.delete': (f) => ({ id: f.sparePaperId }),
  'settings.clearLogo': () => ({}),
  'register.export': (f) => ({ filter: { reportId: f.reportId, kind: ['area-for-improvement'] } }),
  'findings.register': (f) => ({ filter: { reportId: f.reportId, status: ['Not started', 'In progress'] }, sort: { by: 'due', dir: 'asc' }, offset: 0, limit: 5 }),
  'findings.registerReports': () => ({}),
  'findings.registerChoices': () => ({}),
  'findings.linkCandidates': (f) => ({ id: nth(f.findingIds, 8), q: 'vetting' }),
  'findings.get': (f) => ({ id: nth(f.findingIds, 8) }),
  'findings.update': (f) => ({ id: nth(f.findingIds, 8), owner: 'Head of HR', status: 'In progress', rag: 'Amber', due: '2018-12-31' }),
  'findings.addProgress': (f) => ({ id: nth(f.findingIds, 8), text: 'Wellbeing training for supervisors booked.' }),
  'findings.dashboard': () => ({}),
  'evidence.attach': (f) => ({ id: nth(f.findingIds, 8), progressId: null, file: { fileName: 'wellbeing-plan.pdf', dataBase64: fixture('peel-2016-legitimacy-report.pdf') } }),
  // Proposed over HTTP (the finding has evidence), then sent back over IPC.
  'findings.step': (f) => ({
    id: nth(f.findingIds, 8),
    step: f.pass ? { step: 'sendBack', reason: 'Needs the training figures.' } : { step: 'propose', statement: 'Training delivered to every supervisor.' },
  }),
  'findings.dueSoon': () => ({ days: 90, owner: 'Head of HR' }),
  'findings.owners': () => ({}),
  'tracking.settings': () => ({}),
  'tracking.updateSettings': () => ({
    rag: { redWhenOverdue: true, redNoOwnerDays: 30, amberDueWithinDays: 30, amberNoUpdateDays: 60 },
    reminders: { enabled: true, noticeDays: 45, alarmDaysBefore: 7 },
  }),
  'reminders.due': () => ({}),
  'reminders.snooze': (f) => ({ findingIds: [nth(f.findingIds, 8)], days: 1 }),
  'reminders.notify': () => ({}),
  'reminders.exportCalendar': (f) => ({ owner: f.pass ? 'Head of HR' : undefined }),
  'evidence.open': (f) => ({ id: nth(f.findingIds, 8), attachmentId: nth(f.attachmentIds, 0), mode: f.pass ? 'save' : 'open' }),
  'requests.create': (f) => ({ format: f.pass ? 'docx' : 'xlsx', owner: 'Head of HR' }),
  'requests.preview': (f) => ({ files: [{ fileName: 'returned.xlsx', dataBase64: f.requestWorkbookBase64 }] }),
  'requests.apply': (f) => ({ files: [{ fileName: 'returned.xlsx', dataBase64: f.requestWorkbookBase64 }], accept: [] }),
  'progressPapers.list': () => ({}),
  // Over HTTP about the 2016 report, over IPC about every open finding.
  'progressPapers.create': (f) => ({ reportId: f.pass ? null : f.reportId }),
  'progressPapers.get': (f) => ({ id: f.progressPaperId }),
  'progressPapers.update': (f) => ({ id: f.progressPaperId, title: 'Progress on the 2016 findings', paragraphs: { '2.1': 'The Board is asked to note progress on the 2016 findings.' } }),
  'progressPapers.export': (f) => ({ id: f.progressPaperId }),
  'progressPapers.delete': (f) => ({ id: f.pass ? f.progressPaperId : 'no-such-paper' }),
  'evidence.remove': (f) => ({ id: nth(f.findingIds, 8), attachmentId: nth(f.attachmentIds, f.pass) }),
  'links.suggest': () => ({}),
  'links.decide': (f) => ({ id: f.linkId, decision: f.pass ? 'confirmed' : 'rejected' }),
  // Given latest first: the call puts them in time order.
  'links.create': (f) => ({ earlierId: nth(f.laterFindingIds, 1 + f.pass), laterId: nth(f.findingIds, 8) }),
  'grades.history': () => ({}),
  'reports.impact': (f) => ({ id: f.reportId }),
  'reports.setStatus': (f) => (f.pass ? { id: f.spareReportId, status: 'active' } : { id: f.spareReportId, status: 'superseded', by: f.reportId }),
  'reports.useVersion': (f) => ({ id: f.reportId, sha256: f.pass ? f.versionShas.text : f.versionShas.html }),
  'reports.removeVersion': (f) => ({ id: f.reportId, sha256: f.pass ? f.versionShas.html : f.versionShas.pdf }),
  'reports.restoreDeleted': (f) => ({ deleted: f.deleted[f.pass]! }),
  'sync.status': () => ({}),
  'sync.preview': (f) => f.team,
  'sync.enable': (f) => ({ ...f.team, remember: false }),
  'sync.password': (f) => ({ password: f.team.password }),
  'sync.now': () => ({}),
  'sync.sharedTags': () => ({ tags: ['interview'] }),
  'sync.share': (f) => ({ kind: 'note', id: f.notes[0]?.id ?? 'missing', shared: f.pass === 0 }),
  'sync.kept': () => ({}),
  'sync.dismiss': () => ({ id: `kept:${'0'.repeat(32)}` }),
  'sync.confirmFinding': (f) => ({ id: nth(f.findingIds, 8) }),
  'sync.disable': () => ({}),
  'reports.delete': (f) => ({ id: f.spareReportId }),
  'store.exportArchive': () => ({}),
  // No cipher in the test app: "off" is what it is already; "on" is refused (tests/unit/encryption-api.test.ts).
  'store.setEncryption': () => ({ on: false }),
  'store.restoreArchive': (f) => ({ fileName: 'liaison-desk.ldarchive', dataBase64: f.archiveBase64 }),
};
