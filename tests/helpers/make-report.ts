import { createHash, randomUUID } from 'node:crypto';
import { newTracking, type Finding, type Note, type Report } from '../../src/shared/domain';
import type { ReportDoc, TextDoc } from '../../src/main/store/schema';

/** A small but valid report document for store tests, made from the given text. */
export function makeReportDoc(text = 'Areas for improvement\n\nThe force should improve.', title = 'Test report') {
  const sha256 = createHash('sha256').update(text).digest('hex');
  const id = randomUUID();
  const report: Report = {
    id,
    kind: 'inspection-report',
    title,
    force: 'Testshire Constabulary',
    inspectorate: 'HMICFRS',
    programme: 'PEEL',
    inspectionType: 'Legitimacy',
    period: '2017',
    published: '2017-12-12',
    webAddress: null,
    fileName: 'test.txt',
    format: 'text',
    sha256,
    size: Buffer.byteLength(text),
    importedAt: new Date().toISOString(),
    aboutReportId: null,
    judgments: [],
    quotes: [],
    statedChanges: [],
    corrections: [],
  };
  const finding: Finding = {
    id: randomUUID(),
    reportId: id,
    kind: 'area-for-improvement',
    text: 'The force should improve.',
    leadIn: null,
    pillar: 'Legitimacy',
    question: null,
    carriedOver: false,
    anchor: null,
    order: 0,
    manual: false,
    tracking: newTracking(),
  };
  const doc: ReportDoc = { report, findings: [finding], annotations: [] };
  const textDoc: TextDoc = { sha256, text, pages: [] };
  return { doc, text: textDoc, source: Buffer.from(text) };
}

export function makeNote(text: string): Note {
  const now = new Date().toISOString();
  return { id: randomUUID(), text, tags: [], reportId: null, question: null, findingId: null, createdAt: now, updatedAt: now };
}
