import { compareProgress, progressDate, type Finding, type FindingStatus } from '../../shared/domain/finding';
import type { FindingKind } from '../../shared/domain/extraction';
import type { Grade } from '../../shared/domain/grades';
import type { Settings } from '../../shared/domain/paper';
import type { ProgressPaper } from '../../shared/domain/progress-paper';
import type { Judgment, Report } from '../../shared/domain/report';
import { isOpen } from '../../shared/domain/register';
import { withWording } from '../../shared/domain/paper-overrides';
import type { ListGroup, PaperList, PaperModel, PaperParagraph, PaperSection, Run } from '../../shared/domain/paper-model';
import { dateInWords, parseLooseDate, periodEndYear, periodStartYear } from './dates';
import { inspectorateName } from './inspectorate';
import { paperHeader } from './paper-header';
import { compareReportsByTime } from '../tracking/periods';

export type ProgressPaperInput = {
  /** The inspection the paper reports on; null for every open finding of every report. */
  report: Report | null;
  reports: Report[];
  /** Findings as main sends them out (with the RAG that applies). */
  findings: Finding[];
  references: ReadonlyMap<string, string>;
  settings: Settings;
  paper: (Pick<ProgressPaper, 'title' | 'date' | 'paragraphs'> & Partial<Pick<ProgressPaper, 'overrideBases' | 'agendaItem'>>) | null;
  today: string;
};

const plain = (text: string): Run => ({ text });
const bold = (text: string): Run => ({ text, bold: true });
const italic = (text: string): Run => ({ text, italic: true });

/** basis: what the list is derived from, as the editor's warning names it when an override falls behind. */
const KIND_NAMES: Record<FindingKind, { one: string; many: string; long: string; basis: string }> = {
  'area-for-improvement': { one: 'AFI', many: 'AFIs', long: '“areas for improvement” (AFIs)', basis: 'the areas for improvement and their tracking' },
  'cause-of-concern': { one: 'cause of concern', many: 'causes of concern', long: '“causes of concern”', basis: 'the causes of concern and their tracking' },
  recommendation: { one: 'recommendation', many: 'recommendations', long: 'recommendations', basis: 'the recommendations and their tracking' },
};

/** The order the count sentence gives statuses in, and how each reads after "are". */
const STATUS_WORDS: Array<[FindingStatus, string]> = [
  ['Closed', 'closed'],
  ['In progress', 'in progress'],
  ['Proposed for closure', 'proposed for closure'],
  ['Not started', 'not yet started'],
  ['No further action', 'closed with no further action'],
  ['Superseded', 'superseded by later findings'],
];

/**
 * "Of the 11 AFIs, 4 are closed, 5 in progress, 2 proposed for closure." — the findings of one kind counted by
 * status, in a fixed order, leaving out statuses none has.
 */
export function countSentence(kind: FindingKind, findings: readonly Pick<Finding, 'tracking'>[], open = false): string {
  const names = KIND_NAMES[kind];
  const counts = STATUS_WORDS.map(([status, words]) => ({ status, n: findings.filter((f) => f.tracking.status === status).length, words })).filter((c) => c.n > 0);
  const noun = open ? `open ${names.many}` : names.many;
  const [first, ...rest] = counts;
  if (!first) return `There are no ${noun}.`;
  if (findings.length === 1) {
    return `The one ${open ? `open ${names.one}` : names.one} ${first.status === 'Not started' ? 'is yet to be started' : `is ${first.words}`}.`;
  }
  if (rest.length === 0) {
    if (first.status === 'Not started') return `None of the ${findings.length} ${noun} has been started yet.`;
    return `${findings.length === 2 ? 'Both' : `All ${findings.length}`} ${noun} are ${first.words}.`;
  }
  const parts = [`${first.n} ${first.n === 1 ? 'is' : 'are'} ${first.words}`, ...rest.map((c) => `${c.n} ${c.words}`)];
  return `Of the ${findings.length} ${noun}, ${parts.join(', ')}.`;
}

function gradeWords(grade: Grade | null): string {
  if (grade === null || grade === 'Ungraded') return 'not graded';
  return grade.toLowerCase();
}

const PILLAR_MEANING: Record<string, string> = {
  effectiveness: 'the effectiveness pillar considers how well the force keeps people safe and reduces crime',
  efficiency: 'the efficiency pillar considers how well the force uses its resources to meet the demand it faces, now and in the future',
  legitimacy: 'the legitimacy pillar considers how fairly the force treats the public and its workforce, and whether its workforce behaves ethically and lawfully',
};

/** "PEEL 2018/19", "PEEL Legitimacy 2017", or the report's title. */
export function inspectionName(report: Report): string {
  const pillarReport = report.inspectionType && report.inspectionType !== 'Integrated' ? report.inspectionType : null;
  const name = [report.programme, pillarReport, report.period].filter(Boolean).join(' ');
  return name || report.title;
}

type Pillar = { name: string; grade: Grade | null; components: Judgment[] };

function pillarsOf(report: Report): Pillar[] {
  const pillars: Pillar[] = [];
  for (const j of report.judgments) {
    if (j.pillar === null) continue;
    let pillar = pillars.find((p) => p.name === j.pillar);
    if (!pillar) pillars.push((pillar = { name: j.pillar, grade: null, components: [] }));
    if (j.question === null) pillar.grade = j.grade;
    else pillar.components.push(j);
  }
  return pillars;
}

/** How a finding stands, in one sentence for the board: owner, status (with its sign-off), RAG. */
function standing(f: Finding): string {
  const t = f.tracking;
  const owner = t.owner ? `Owner: ${t.owner}.` : 'No owner yet.';
  let status = `Status: ${t.status.toLowerCase()}`;
  if (t.resolution?.status === 'Closed') status += ` on ${dateInWords(t.resolution.date)}${t.resolution.approver ? `, approved by ${t.resolution.approver}` : ''}`;
  else if (t.resolution) status += ` on ${dateInWords(t.resolution.date)}`;
  else if (t.status === 'Proposed for closure' && t.proposal) status += ` on ${dateInWords(t.proposal.at.slice(0, 10))}, awaiting sign-off`;
  if (t.due && isOpen(t)) status += `; target date ${dateInWords(t.due)}`;
  const rag = t.rag ? ` RAG: ${t.rag.toLowerCase()}.` : '';
  return `${owner} ${status}.${rag}`;
}

function findingItem(f: Finding, references: ReadonlyMap<string, string>): Run[] {
  const latest = [...f.tracking.progress].sort(compareProgress).at(-1);
  const update = latest ? ` Latest update (${dateInWords(progressDate(latest))}): ${latest.text}` : ' No progress update has been recorded yet.';
  const ref = references.get(f.id);
  return [...(ref ? [bold(`${ref} `)] : []), plain(f.leadIn ? `${f.leadIn} ${f.text}` : f.text), plain(' '), italic(standing(f)), plain(update)];
}

/** Builds the progress paper; derived paragraphs come from the tracking, the officer's wording wins where they wrote it. */
export function buildProgressPaper(input: ProgressPaperInput): PaperModel {
  const { report, settings, paper, references } = input;
  const today = input.today;
  // 3 Background says what the inspectorate does today; what it found in a report is told under the name it had then.
  const inspectorate = inspectorateName(parseLooseDate(today));
  const author = report ? inspectorateName(parseLooseDate(report.published) ?? parseLooseDate(`December ${periodEndYear(report.period) ?? ''}`)) : inspectorate;
  const force = report?.force ?? settings.forceName;
  const ordered = [...input.reports].sort(compareReportsByTime);
  const rank = new Map(ordered.map((r, i) => [r.id, i]));
  const inScope = input.findings
    .filter((f) => (report ? f.reportId === report.id : isOpen(f.tracking)))
    .sort((a, b) => (rank.get(a.reportId) ?? 0) - (rank.get(b.reportId) ?? 0) || a.order - b.order);
  const scopeReports = report ? [report] : ordered.filter((r) => inScope.some((f) => f.reportId === r.id));
  const isoDate = paper?.date ?? today;
  // As in the publication paper, any paragraph can be put in the officer's words, and says so when the tracking under it has moved on.
  const wording = paper ? { paragraphs: paper.paragraphs, bases: paper.overrideBases } : null;
  const para = (key: string, runs: Run[], list: PaperList | null, editable: boolean, basis?: string): PaperParagraph =>
    withWording({ key, runs, list, editable, basis }, wording);

  const subject = report
    ? `the findings of ${author.short}’s ${inspectionName(report)} inspection of ${force}`
    : `the findings of ${inspectorate.short} inspections that remain open for ${force}`;

  // 3 Background: what PEEL is, how it grades, what each pillar looks at.
  const pillars = report ? pillarsOf(report) : [];
  const pillarNames = [...new Set((pillars.length ? pillars.map((p) => p.name) : ['Effectiveness', 'Efficiency', 'Legitimacy']).map((n) => n.toLowerCase()))];
  const peel = !report || (report.programme ?? '').toUpperCase() === 'PEEL';
  const background: PaperParagraph[] = [
    para(
      '3.1',
      [
        plain(
          peel
            ? `${inspectorate.short} independently inspects, assesses and reports on police forces in England and Wales. Its PEEL inspections (police effectiveness, efficiency and legitimacy) assess how well each force keeps people safe and reduces crime, how well it uses its resources, and how fairly it treats the public and its workforce.`
            : `${inspectorate.short} independently inspects, assesses and reports on police forces and policing in England and Wales, through inspections of each force and thematic inspections across forces.`,
        ),
      ],
      null,
      false,
      'the kind of inspection',
    ),
  ];
  const usesAdequate = (report?.judgments.some((j) => j.grade === 'Adequate') ?? false) || (periodStartYear(report?.period ?? null) ?? 0) >= 2021;
  const scale = usesAdequate ? 'outstanding, good, adequate, requires improvement or inadequate' : 'outstanding, good, requires improvement or inadequate';
  background.push(
    para(
      '3.2',
      [
        plain(
          `Each force is graded ${scale} for each area inspected. Where ${inspectorate.short} finds a shortfall it records an area for improvement (AFI); a serious or critical shortcoming is a cause of concern, with recommendations for what the force must do.`,
        ),
      ],
      null,
      false,
      'the grading scale',
    ),
  );
  if (peel) {
    const meanings = pillarNames.map((n) => PILLAR_MEANING[n]).filter((m): m is string => !!m);
    if (meanings.length) background.push(para('3.3', [plain(meanings.map((m) => `${m.charAt(0).toUpperCase()}${m.slice(1)}.`).join(' '))], null, false, 'the pillars inspected'));
  }

  // 4 The inspection, or every open finding.
  const section4: PaperParagraph[] = [];
  let n = 0;
  const next = () => `4.${++n}`;
  if (report) {
    const published = parseLooseDate(report.published);
    const when = `The ${inspectionName(report)} inspection of ${force}${report.period ? ` took place in ${report.period}` : ''}`;
    const pub = published ? `${report.period ? ';' : ':'} ${author.short} published its report ${published.day === null ? 'in' : 'on'} ${published.words}.` : '.';
    section4.push(para(next(), [plain(`${when}${pub}`)], null, false, 'the report’s dates'));
    if (pillars.length) {
      const overall = report.judgments.find((j) => j.pillar === null && j.question === null);
      const groups: ListGroup[] = pillars.map((p) => ({
        heading: [bold(p.name), plain(` (${gradeWords(p.grade)})`)],
        items: p.components.map((j) => [plain(`${(j.question ?? '').trim()}: `), bold(gradeWords(j.grade))]),
      }));
      const intro = overall ? [plain('The force was judged '), bold(gradeWords(overall.grade)), plain(' overall, and graded as follows:')] : [plain('The force was graded as follows:')];
      section4.push(para(next(), intro, { style: 'plain', groups }, false, 'the grades'));
    }
  } else {
    const items = scopeReports.map((r) => [plain(`${inspectionName(r)}${r.published ? ` (published ${dateInWords(r.published)})` : ''}: ${inScope.filter((f) => f.reportId === r.id).length} open`)]);
    section4.push(
      para(next(), [plain(scopeReports.length ? 'Findings remain open from the following inspections:' : 'No findings remain open.')], items.length ? { style: 'plain', groups: [{ heading: null, items }] } : null, false, 'the open findings'),
    );
  }
  for (const kind of ['area-for-improvement', 'cause-of-concern', 'recommendation'] as const) {
    const ofKind = inScope.filter((f) => f.kind === kind);
    if (ofKind.length === 0) {
      if (report && kind === 'area-for-improvement') section4.push(para(next(), [plain(`${author.short} identified no areas for improvement.`)], null, false, 'the findings'));
      continue;
    }
    const names = KIND_NAMES[kind];
    const found = report
      ? `${author.short} ${kind === 'recommendation' ? 'made' : 'identified'} ${ofKind.length === 1 ? `one ${names.one}` : `${ofKind.length} ${kind === 'area-for-improvement' ? names.long : names.many}`}. `
      : '';
    const groups: ListGroup[] = report
      ? [{ heading: null, items: ofKind.map((f) => findingItem(f, references)) }]
      : scopeReports
          .filter((r) => ofKind.some((f) => f.reportId === r.id))
          .map((r) => ({ heading: [bold(inspectionName(r))], items: ofKind.filter((f) => f.reportId === r.id).map((f) => findingItem(f, references)) }));
    section4.push(para(next(), [plain(`${found}${countSentence(kind, ofKind, !report)}`)], { style: 'roman', groups }, false, names.basis));
  }
  const monitoring = `Progress is monitored monthly at ${settings.monitoringForum}, with strategic oversight provided by ${settings.oversight}.`;
  section4.push(para(next(), [plain(monitoring)], null, true));

  const sections: PaperSection[] = [
    { number: '1', heading: 'Purpose', paragraphs: [para('1.1', [plain(`The purpose of this report is to give the ${settings.boardName} (“the Board”) an overview of progress against ${subject}.`)], null, false, 'the inspection or the board’s name')] },
    {
      number: '2',
      heading: 'Recommendation',
      paragraphs: [para('2.1', [plain('The Board is recommended to note the contents of this report to inform discussion on progress against the findings.')], null, true)],
    },
    { number: '3', heading: 'Background', paragraphs: background },
    { number: '4', heading: report ? `The ${inspectionName(report)} inspection` : 'Open findings', paragraphs: section4 },
    {
      number: '5',
      heading: 'Recommendation',
      paragraphs: [para('5.1', [plain('The Board is recommended to note the progress made against the findings and the actions that remain open.')], null, true)],
    },
  ];
  const defaultTitle = report
    ? `An update on progress against the findings of the ${inspectionName(report)} inspection`
    : `An update on progress against the open findings of ${inspectorate.short} inspections`;
  const sources = scopeReports.map((r) => `${inspectionName(r)} report${r.webAddress ? `: ${r.webAddress}` : ''}`);
  return {
    header: paperHeader(settings, isoDate, paper?.agendaItem),
    title: paper?.title.trim() || defaultTitle,
    sections,
    bibliography: [
      { label: 'Source Documents', value: sources.length ? sources.join('\n') : 'None' },
      { label: 'Contact Officer(s)', value: settings.contactOfficer },
    ],
    description: `Progress paper for the ${settings.boardName} on ${report ? inspectionName(report) : 'open HMICFRS findings'}`,
    isoDate,
  };
}
