import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, FINDING_STATUSES, newTracking, type Annotation, type Finding, type Note, type Report } from '../src/shared/domain';
import { noteShardOf, storeLayout } from '../src/main/store/layout';
import { IndexDoc, SCHEMA_VERSION, type NotesShard, type ReportDoc } from '../src/main/store/schema';

export interface GeneratedStoreSize {
  reports: number;
  findings: number;
  notes: number;
  annotations: number;
}

export const BENCH_STORE: GeneratedStoreSize = { reports: 500, findings: 10_000, notes: 50_000, annotations: 10_000 };

const FORCES = ['Cambridgeshire Constabulary', 'Bedfordshire Police', 'Hertfordshire Constabulary', 'Norfolk Constabulary', 'Suffolk Constabulary'];

/** A deterministic pseudo-random sequence, so every run benchmarks the same store. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

/**
 * Writes a data folder of the given size straight into the store's layout (far faster than
 * importing 500 files), with real report text: the 2018/19 integrated report, varied per report.
 */
export async function generateStore(dir: string, size: GeneratedStoreSize = BENCH_STORE): Promise<void> {
  const layout = storeLayout(dir);
  for (const folder of [layout.reports, layout.texts, layout.sources, layout.notes]) await mkdir(folder, { recursive: true });
  const baseText = await readFile(join(import.meta.dirname, '..', 'tests', 'fixtures', 'peel-2018-19-integrated-report.txt'), 'utf8');
  const sentences = baseText.split(/(?<=\.)\s+/).filter((s) => s.length > 40 && s.length < 300);
  const rand = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const now = new Date().toISOString();
  const reportIds: string[] = [];
  const findingsPerReport = Math.ceil(size.findings / size.reports);
  const annotationsPerReport = Math.ceil(size.annotations / size.reports);

  const paragraphs = baseText.split('\n');
  for (let r = 0; r < size.reports; r++) {
    // Its own text: the same paragraphs, starting at a different one.
    const turn = (r * 7) % paragraphs.length;
    const text = `${FORCES[r % FORCES.length]} — report ${r}\n\n${[...paragraphs.slice(turn), ...paragraphs.slice(0, turn)].join('\n')}`;
    const sha256 = createHash('sha256').update(text).digest('hex');
    const id = randomUUID();
    reportIds.push(id);
    const year = 2014 + (r % 10);
    const report: Report = {
      id,
      kind: 'inspection-report',
      title: `PEEL ${year} inspection of ${FORCES[r % FORCES.length]} (${r})`,
      force: FORCES[r % FORCES.length]!,
      inspectorate: 'HMICFRS',
      programme: 'PEEL',
      inspectionType: 'Integrated',
      period: String(year),
      published: `${year}-12-01`,
      webAddress: null,
      fileName: `report-${r}.txt`,
      format: 'text',
      sha256,
      size: text.length,
      importedAt: now,
      aboutReportId: null,
      judgments: [],
      quotes: [],
      statedChanges: [],
      corrections: [],
    };
    const findings: Finding[] = Array.from({ length: findingsPerReport }, (_, order) => ({
      id: randomUUID(),
      reportId: id,
      kind: 'area-for-improvement',
      text: pick(sentences),
      leadIn: null,
      pillar: pick(['Effectiveness', 'Efficiency', 'Legitimacy']),
      question: pick(['Investigating crime', 'Protecting vulnerable people', 'Planning for the future', 'Treating the public fairly']),
      carriedOver: rand() < 0.1,
      anchor: null,
      order,
      manual: false,
      tracking: { ...newTracking(), status: pick(FINDING_STATUSES), owner: rand() < 0.7 ? `Supt ${pick(['Adams', 'Baker', 'Clark', 'Davies'])}` : null },
    }));
    const annotations: Annotation[] = Array.from({ length: annotationsPerReport }, () => {
      const start = Math.floor(rand() * (text.length - 200));
      return {
        id: randomUUID(),
        reportId: id,
        anchor: { start, end: start + 80, page: null, quote: text.slice(start, start + 80) },
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + 80, start + 112),
        note: pick(sentences),
        tags: [pick(['vetting', 'custody', 'ACU', 'stop and search'])],
        colour: 'yellow',
        createdAt: now,
        updatedAt: now,
      };
    });
    const doc: ReportDoc = { report, findings, annotations };
    await writeFile(layout.report(id), JSON.stringify(doc));
    await writeFile(layout.text(sha256), JSON.stringify({ sha256, text, pages: [] }));
    await writeFile(layout.source(sha256), text);
  }

  const shards = new Map<number, Note[]>();
  for (let n = 0; n < size.notes; n++) {
    const note: Note = {
      id: randomUUID(),
      text: `${pick(sentences)} ${pick(sentences)}`,
      tags: [pick(['interview', 'focus group', 'hot debrief', 'reality testing'])],
      reportId: rand() < 0.3 ? pick(reportIds) : null,
      question: null,
      findingId: null,
      createdAt: now,
      updatedAt: now,
    };
    const shard = noteShardOf(note.id);
    let notes = shards.get(shard);
    if (!notes) shards.set(shard, (notes = []));
    notes.push(note);
  }
  for (const [shard, notes] of shards) await writeFile(layout.noteShard(shard), JSON.stringify({ notes } satisfies NotesShard));

  const index: IndexDoc = IndexDoc.parse({ schemaVersion: SCHEMA_VERSION, reportIds, settings: DEFAULT_SETTINGS, papers: [], links: [] });
  await writeFile(layout.index, JSON.stringify(index));
}
