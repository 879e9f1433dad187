import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { FINDING_KINDS } from '../src/shared/domain/extraction';
import { FINDING_STATUSES, RAGS, newTracking, type Finding } from '../src/shared/domain/finding';
import type { Report } from '../src/shared/domain/report';
import { CANONICAL_LINES } from '../src/shared/domain/question-key';
import type { RegisterFilter, RegisterSort, RegisterSortKey } from '../src/shared/domain/views';
import { RegisterIndex } from '../src/main/tracking/register-index';
import { findingDoc, reportDoc, type SearchDoc } from '../src/main/tracking/search-index';
import { newSearchIndex } from '../src/main/services/search';
import { median, type Print } from './stats';

const REPORTS = 500;
const FINDINGS = 10_000;
const ANNOTATIONS = 25_000;
const NOTES = 25_000;
const TODAY = '2020-06-15';

/** Deterministic, so runs are comparable. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(2018);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Real sentences from the user's documents, to recombine into realistic findings and notes. */
function fixtureSentences(): string[] {
  const dir = new URL('../tests/fixtures/', import.meta.url);
  const sentences: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    const text = readFileSync(new URL(name, dir), 'utf8')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<\/?b>|\*\*/g, '');
    for (const line of text.split('\n')) {
      if (line.includes('\t')) continue;
      for (const s of line.replace(/^[-•\s]+/, '').split(/(?<=[.?!])\s+/)) {
        if (s.length >= 40 && s.length <= 300) sentences.push(s.trim());
      }
    }
  }
  return sentences;
}

const FORCES = [
  'Cambridgeshire', 'Bedfordshire', 'Hertfordshire', 'Norfolk', 'Suffolk', 'Essex', 'Kent', 'Surrey', 'Sussex',
  'Thames Valley', 'Hampshire', 'Dorset', 'Devon and Cornwall', 'Avon and Somerset', 'Wiltshire', 'Gloucestershire',
  'Warwickshire', 'West Mercia', 'Staffordshire', 'Derbyshire', 'Nottinghamshire', 'Leicestershire', 'Lincolnshire',
  'Northamptonshire', 'Cheshire', 'Cumbria', 'Durham', 'Cleveland', 'Northumbria', 'Lancashire', 'Merseyside',
  'Greater Manchester', 'West Yorkshire', 'South Yorkshire', 'North Yorkshire', 'Humberside', 'West Midlands',
  'Dyfed-Powys', 'Gwent', 'North Wales', 'South Wales', 'City of London', 'Metropolitan',
];
const OWNERS = [
  'Head of PSD', 'Head of HR', 'Head of Corporate Development', 'Superintendent Local Policing', 'Detective Chief Superintendent',
  'Head of Contact', 'Head of Learning and Development', 'Chief Inspector Demand Hub', 'Head of Finance', 'Head of ICT',
];
const TYPES = ['Legitimacy', 'Effectiveness', 'Efficiency', 'Integrated', 'Vetting', 'Crime data integrity'];
const TAGS = ['fieldwork', 'gold-group', 'vetting', 'board', 'interview', 'reality-testing', 'follow-up', 'data'];

export async function run(print: Print): Promise<void> {
  const sentences = fixtureSentences();
  const questions = CANONICAL_LINES.filter((l) => l.kind === 'question').map((l) => l.label);

  const reports: Report[] = Array.from({ length: REPORTS }, (_, i) => {
    const force = pick(FORCES);
    const year = 2014 + (i % 9);
    const type = pick(TYPES);
    return {
      id: `r${i}`,
      kind: 'inspection-report',
      title: `${force} PEEL ${year} ${type}`,
      force: `${force} Constabulary`,
      inspectorate: 'HMICFRS',
      programme: 'PEEL',
      inspectionType: type,
      period: year >= 2018 ? `${year}/${String(year + 1).slice(2)}` : String(year),
      published: null,
      webAddress: null,
      fileName: `r${i}.pdf`,
      format: 'pdf',
      sha256: String(i).padStart(64, '0'),
      size: 1,
      importedAt: '2020-01-01T09:00:00.000Z',
      aboutReportId: null,
      judgments: [],
      quotes: [],
      statedChanges: [],
      corrections: [],
    };
  });

  const findings: Finding[] = Array.from({ length: FINDINGS }, (_, i) => {
    const tracking = newTracking();
    tracking.status = pick(FINDING_STATUSES);
    tracking.rag = random() < 0.8 ? pick(RAGS) : null;
    tracking.owner = random() < 0.85 ? pick(OWNERS) : null;
    tracking.due = random() < 0.9 ? `20${15 + Math.floor(random() * 8)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}` : null;
    const updates = Math.floor(random() * 4);
    for (let p = 0; p < updates; p++) {
      tracking.progress.push({ id: `p${i}-${p}`, at: `2019-0${1 + p}-10T10:00:00.000Z`, by: 'bench', text: pick(sentences) });
    }
    return {
      id: `f${i}`,
      reportId: `r${i % REPORTS}`,
      order: Math.floor(i / REPORTS),
      manual: false,
      kind: pick(FINDING_KINDS),
      text: `The force should ${pick(sentences).replace(/^\w/, (c) => c.toLowerCase())} ${random() < 0.5 ? pick(sentences) : ''}`.trim(),
      leadIn: null,
      pillar: pick(['Effectiveness', 'Efficiency', 'Legitimacy']),
      question: pick(questions),
      carriedOver: random() < 0.1,
      anchor: null,
      tracking,
    };
  });

  const docs: SearchDoc[] = [...reports.map(reportDoc), ...findings.map(findingDoc)];
  for (let i = 0; i < ANNOTATIONS; i++) {
    docs.push({
      kind: 'annotation',
      id: `a${i}`,
      reportId: `r${i % REPORTS}`,
      note: random() < 0.7 ? pick(sentences) : '',
      quote: pick(sentences),
      tags: random() < 0.5 ? [pick(TAGS)] : [],
    });
  }
  for (let i = 0; i < NOTES; i++) {
    docs.push({
      kind: 'note',
      id: `n${i}`,
      reportId: random() < 0.5 ? `r${i % REPORTS}` : null,
      text: Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(sentences)).join(' '),
      tags: [pick(TAGS)],
    });
  }

  const buildStart = performance.now();
  // The very index the app's search service builds, so the figure is the app's.
  const index = newSearchIndex();
  index.addAll(docs);
  print('search.index-build', Math.round(performance.now() - buildStart), 'ms');

  const queries = [
    'vetting', 'vet', 'vettting', 'corruption', 'corupption', 'counter-corruption unit', 'domestic abuse', 'dom',
    'neighbourhood policing strategy', 'neighbourhood pol', 'safeguarding vulnerable victims', 'safegu', 'stop and search',
    'stop search find rates', 'grievance', 'grievence', 'wellbeing supervisors', 'abuse of position', 'sexual purpose',
    'demand hub', 'Athena', 'athen', 'modern slavery', 'mental health crisis', 'Cambridgeshire', 'Norfolk 2016',
    'PEEL 2018/19 Integrated', 'Head of PSD', 'gold-group', 'fieldwork', 'crime file review', 'supervision of investigations',
    'investigat', 'integrity', 'body-worn video', 'IPCC referral', 'complaint leaflets', 'workforce fairness',
    'fair and respectful treatment', 'problem solving plans', 'human resources team', 'skills strategy', 'future demand',
    'financial planning', 'precept', 'knife crime', 'hare coursing', 'Zoë Billingham', 'legitimacy good', 'the force should',
    'cri', 'con', 'wor', 'off',
  ];
  for (const q of queries.slice(0, 5)) index.search(q);
  const searchTimes = queries.map((q) => {
    const t = performance.now();
    index.search(q, { limit: 20 });
    return performance.now() - t;
  });
  print('search.median', round(median(searchTimes)), 'ms');
  print('search.max', round(Math.max(...searchTimes)), 'ms');

  // The register as main holds it: built once, then asked for the window of 100 rows a table shows.
  const buildRows = performance.now();
  const register = new RegisterIndex(() => TODAY);
  const byReport = new Map<string, Finding[]>();
  for (const f of findings) byReport.set(f.reportId, [...(byReport.get(f.reportId) ?? []), f]);
  register.load(reports.map((report) => ({ report, findings: byReport.get(report.id) ?? [] })));
  print('register.build', Math.round(performance.now() - buildRows), 'ms');

  const sortKeys: RegisterSortKey[] = ['report', 'order', 'pillar', 'question', 'kind', 'text', 'owner', 'status', 'rag', 'due', 'overdue', 'updated'];
  const filters: RegisterFilter[] = [
    {},
    { status: 'In progress' },
    { status: ['Not started', 'In progress'] },
    { rag: 'Red' },
    { rag: null },
    { owner: 'Head of PSD' },
    { owner: null },
    { overdue: true },
    { overdue: false, rag: ['Amber', 'Red'] },
    { kind: 'recommendation' },
    { pillar: 'Legitimacy' },
    { question: 'How well does the force ensure that its workforce behaves ethically and lawfully?' },
    { text: 'vetting' },
    { text: 'domestic abuse' },
    { text: 'the force' },
    { reportId: 'r42' },
    { reportId: 'r7', status: 'Closed' },
  ];
  for (let i = 0; i < 5; i++) register.page({}, { by: 'due', dir: 'asc' });
  const filterTimes: number[] = [];
  for (let i = 0; i < 51; i++) {
    const sort: RegisterSort = { by: sortKeys[i % sortKeys.length] as RegisterSortKey, dir: i % 2 ? 'desc' : 'asc' };
    const filter = filters[i % filters.length] as RegisterFilter;
    const t = performance.now();
    register.page(filter, sort, 0, 100);
    filterTimes.push(performance.now() - t);
  }
  print('register.filter.median', round(median(filterTimes)), 'ms');
  print('register.filter.max', round(Math.max(...filterTimes)), 'ms');
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
