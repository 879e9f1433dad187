import { compareGrades } from '../../shared/domain/grades';
import type { Grade } from '../../shared/domain/grades';
import type { Finding } from '../../shared/domain/finding';
import type { BoardPaper, QuoteChoice, Settings } from '../../shared/domain/paper';
import type { Judgment, Quote, Report } from '../../shared/domain/report';
import { withWording } from '../../shared/domain/paper-overrides';
import { parseLooseDate, periodEndYear, periodStartYear } from './dates';
import type { LooseDate } from './dates';
import { inspectorateName } from './inspectorate';
import { paperHeader } from './paper-header';
import type { InspectorateName } from './inspectorate';
import type { ListGroup, PaperList, PaperModel, PaperParagraph, PaperSection, Run } from '../../shared/domain/paper-model';
import { questionKey } from '../../shared/domain/question-key';
import { areCopies } from '../../shared/domain/report-identity';
import { isEarlierInspection } from '../tracking/inspections';
import { compareReportsByTime } from '../tracking/periods';

export type PaperInput = {
  report: Report;
  findings: Finding[];
  /** Other reports of the same force, in any order; only strictly earlier inspections are compared with, never the report or a copy of it. */
  history: Report[];
  settings: Settings;
  paper: (Pick<BoardPaper, 'title' | 'date' | 'paragraphs'> & Partial<Pick<BoardPaper, 'overrideBases' | 'agendaItem' | 'quote'>>) | null;
  /** The inspectorate's summary paragraph beside the overall judgment, read from the report's text; quoted in 4.1 when the report has no summary quote. */
  summary?: string | null;
  /** Quotes of supporting documents about the report (HM Inspector's words in the press release), which 4.1 may carry. */
  otherQuotes?: readonly Quote[];
};

/** What every paragraph builder needs to know about the report. */
type Context = {
  report: Report;
  findings: Finding[];
  history: Report[];
  settings: Settings;
  published: LooseDate | null;
  summary: string | null;
  /** The quote chosen for 4.1 and the quotes it may be chosen from. */
  quote: QuoteChoice;
  otherQuotes: readonly Quote[];
  inspectorate: InspectorateName;
  pillars: Pillar[];
  /** Several pillars with components (integrated PEEL) rather than one pillar's questions. */
  integrated: boolean;
  /** Areas graded without pillars, as PEEL has graded since 2021/22. */
  areas: Judgment[];
};

type Pillar = { name: string; grade: Grade | null; components: Judgment[] };

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const numberWord = (n: number): string => NUMBER_WORDS[n] ?? String(n);

const q = (text: string): string => `“${text}”`;
const plain = (text: string): Run => ({ text });
const bold = (text: string): Run => ({ text, bold: true });
const italic = (text: string): Run => ({ text, italic: true });

/** The grade as it reads inside a sentence: "good", "requiring improvement". */
function gradeInSentence(grade: Grade | null): string {
  if (grade === null || grade === 'Ungraded') return 'not graded';
  if (grade === 'Requires improvement') return 'requiring improvement';
  return grade.toLowerCase();
}

const HOW_PILLAR: Record<string, string> = {
  legitimacy: 'how legitimate the force is at keeping people safe and reducing crime',
  effectiveness: 'how effective the force is at keeping people safe and reducing crime',
  efficiency: 'how efficient the force is at keeping people safe and reducing crime',
};

/** Builds the board paper for one report; every derivable paragraph is derived, the officer's edits win. */
export function buildPaper(input: PaperInput): PaperModel {
  const { report, settings, paper } = input;
  const published = parseLooseDate(report.published);
  const pillars = groupPillars(report.judgments);
  const areas = pillars.length === 0 ? report.judgments.filter((j) => j.pillar === null && j.question !== null) : [];
  const ctx: Context = {
    report,
    findings: input.findings.filter((f) => f.reportId === report.id).sort((a, b) => a.order - b.order),
    history: input.history.filter((r) => r.id !== report.id),
    settings,
    published,
    summary: input.summary ?? null,
    quote: input.paper?.quote ?? 'auto',
    otherQuotes: input.otherQuotes ?? [],
    // Undated, a report is named for the end of its period: reports come out during or soon after it.
    inspectorate: inspectorateName(published ?? parseLooseDate(`December ${periodEndYear(report.period) ?? ''}`)),
    pillars,
    integrated: pillars.length > 1,
    areas,
  };
  const isoDate = paper?.date ?? new Date().toISOString().slice(0, 10);
  const wording = paper ? { paragraphs: paper.paragraphs, bases: paper.overrideBases } : null;
  const para = (key: string, runs: Run[], list: PaperList | null, editable: boolean, basis?: string): PaperParagraph =>
    withWording({ key, runs, list, editable, basis }, wording);
  const noteRecommendation = [plain('The Board is recommended to note the contents of the report.')];
  const sections: PaperSection[] = [
    { number: '1', heading: 'Purpose', paragraphs: [para('1.1', purpose(ctx), null, false, "the report's details or the board's name")] },
    { number: '2', heading: 'Recommendation', paragraphs: [para('2.1', noteRecommendation, null, true)] },
    { number: '3', heading: 'Background', paragraphs: [para('3.1', background(ctx), null, false, "the report's details")] },
    {
      number: '4',
      heading: 'Findings',
      paragraphs: [
        para('4.1', overallJudgment(ctx), null, false, 'the judgments or the quote'),
        para('4.2', questionsIntro(ctx), questionsList(ctx), false, 'the grades'),
        para('4.3', otherMentions(), null, true),
        para('4.4', afiIntro(ctx), afiList(ctx), false, 'the areas for improvement'),
        para('4.5', ...concerns(ctx), false, 'the causes of concern or recommendations'),
        para('4.6', response(ctx), null, true, "the findings' owners or the monitoring arrangements in Settings"),
      ],
    },
    { number: '5', heading: 'Recommendation', paragraphs: [para('5.1', noteRecommendation, null, true)] },
  ];
  const title = paper?.title.trim() || `An update on the publication of the ${reportName(ctx)} report by ${ctx.inspectorate.long}`;
  return {
    header: paperHeader(settings, isoDate, paper?.agendaItem),
    title,
    sections,
    bibliography: [
      { label: 'Source Documents', value: sourceDocument(ctx) },
      { label: 'Contact Officer(s)', value: settings.contactOfficer },
    ],
    description: `Board paper for the ${settings.boardName} on ${report.title}`,
    isoDate,
  };
}

/** Pillars in the order the report gives them, each with its own grade and its questions or components. */
function groupPillars(judgments: readonly Judgment[]): Pillar[] {
  const pillars: Pillar[] = [];
  for (const j of judgments) {
    if (j.pillar === null) continue;
    let pillar = pillars.find((p) => p.name === j.pillar);
    if (!pillar) {
      pillar = { name: j.pillar, grade: null, components: [] };
      pillars.push(pillar);
    }
    if (j.question === null) pillar.grade = j.grade;
    else pillar.components.push(j);
  }
  return pillars;
}

/** "PEEL Legitimacy" for a single-pillar report, "PEEL 2018/19" for an integrated one. */
function reportName(ctx: Context): string {
  const { report } = ctx;
  const programme = report.programme ?? '';
  const type = ctx.integrated || ctx.areas.length > 0 ? report.period : (report.inspectionType ?? ctx.pillars[0]?.name ?? null);
  const name = [programme, type].filter(Boolean).join(' ');
  return name || report.title;
}

function purpose(ctx: Context): Run[] {
  const { settings, inspectorate } = ctx;
  return [
    plain(
      `The purpose of this report is to inform the ${settings.boardName} (“the Board”) of ${inspectorate.long} ` +
        `(${inspectorate.short})’s publication of the ${reportName(ctx)} report for ${ctx.report.force ?? settings.forceName}.`,
    ),
  ];
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** PEEL 2021/22 brought in "adequate"; the scale printed is the one the report was graded on. */
function gradingScale(ctx: Context): string {
  const usesAdequate =
    ctx.report.judgments.some((j) => j.grade === 'Adequate') || (periodStartYear(ctx.report.period) ?? 0) >= 2021;
  const grades = usesAdequate
    ? ['outstanding', 'good', 'adequate', 'requiring improvement', 'inadequate']
    : ['outstanding', 'good', 'requiring improvement', 'inadequate'];
  return `${grades.slice(0, -1).join(', ')} or ${grades[grades.length - 1]}`;
}

function background(ctx: Context): Run[] {
  const { report, inspectorate } = ctx;
  const areas =
    ctx.pillars.length > 0 ? listInWords(ctx.pillars.map((p) => p.name.toLowerCase())) : ctx.areas.length > 0 ? 'effectiveness, efficiency and legitimacy' : 'performance';
  const programme = report.programme ? ` as part of the ${report.programme} inspection programme` : '';
  const unit = ctx.integrated ? 'components' : ctx.areas.length > 0 ? 'areas of policing' : 'questions';
  const sentences = [
    `${inspectorate.short} independently inspects, assesses, and then publishes reports on the ${areas} of police forces and policing in England and Wales${programme}.`,
    `Each force is judged against a series of set ${unit} and graded either as ${gradingScale(ctx)} for each area.`,
  ];
  if (ctx.published) {
    const which = [report.period, ctx.integrated || ctx.areas.length > 0 ? report.programme : (report.inspectionType ?? ctx.pillars[0]?.name)]
      .filter(Boolean)
      .join(' ');
    const when = ctx.published.day === null ? 'in' : 'on';
    sentences.push(`The ${which || report.title} report was published ${when} ${ctx.published.words}.`);
  }
  return [plain(sentences.join(' '))];
}

/** The inspectorate's summary paragraph: read from the text, else the longest judgment passage. */
function inspectorateSummary(ctx: Context): string | null {
  if (ctx.summary) return ctx.summary;
  const anchored = ctx.report.judgments
    .filter((j) => j.question === null && j.anchor && j.anchor.quote.length > 40)
    .map((j) => j.anchor?.quote ?? '');
  return anchored[0]?.trim() || null;
}

/**
 * The words 4.1 quotes, as the officer chose: a quote extracted from the report or a supporting document,
 * the inspectorate's summary, or nothing. By default the report's own unattributed quote, else its first
 * quote, else the inspectorate's summary.
 */
function summaryQuote(ctx: Context): { text: string; speaker: string | null } | null {
  if (ctx.quote === 'none') return null;
  if (ctx.quote === 'summary') {
    const summary = inspectorateSummary(ctx);
    return summary ? { text: summary, speaker: null } : null;
  }
  if (ctx.quote.startsWith('quote:')) {
    const id = ctx.quote.slice('quote:'.length);
    const chosen = [...ctx.report.quotes, ...ctx.otherQuotes].find((x) => x.id === id);
    // A quote removed since (a re-extraction) falls back to the default rather than leaving 4.1 bare.
    if (chosen) return { text: chosen.text.trim(), speaker: chosen.speaker };
  }
  const quote = ctx.report.quotes.find((x) => x.speaker === null) ?? ctx.report.quotes[0];
  if (quote) return { text: quote.text.trim(), speaker: quote.speaker };
  const summary = inspectorateSummary(ctx);
  return summary ? { text: summary, speaker: null } : null;
}

function overallJudgment(ctx: Context): Run[] {
  const { report, inspectorate } = ctx;
  const part = report.programme ? `As part of the ${report.programme} inspection` : 'As part of the inspection';
  const runs: Run[] = [];
  if (ctx.areas.length > 0) {
    runs.push(plain(`${part}, ${inspectorate.short} assessed the force in ${numberWord(ctx.areas.length)} areas of policing and graded it `));
    const counts = GRADE_ORDER.map((grade) => [grade, ctx.areas.filter((a) => a.grade === grade).length] as const).filter(([, n]) => n > 0);
    counts.forEach(([grade, n], i) => {
      if (i > 0) runs.push(plain(i === counts.length - 1 ? ' and ' : ', '));
      runs.push(bold(grade === 'Requires improvement' ? 'requires improvement' : gradeInSentence(grade)), plain(` in ${numberWord(n)}`));
    });
  } else if (ctx.integrated) {
    runs.push(plain(`${part}, ${inspectorate.short} assessed the force’s ${listInWords(ctx.pillars.map((p) => p.name.toLowerCase()))}, and gave judgments of `));
    ctx.pillars.forEach((p, i) => {
      if (i > 0) runs.push(plain(i === ctx.pillars.length - 1 ? ' and ' : ', '));
      runs.push(bold(`${q(gradeInSentence(p.grade))} for ${p.name.toLowerCase()}`));
    });
  } else {
    const pillar = ctx.pillars[0];
    const overall = report.judgments.find((j) => j.pillar === null && j.question === null)?.grade ?? pillar?.grade ?? null;
    const name = pillar?.name.toLowerCase() ?? '';
    const how = HOW_PILLAR[name] ?? (name ? `the force’s ${name}` : 'the force');
    runs.push(plain(`${part}, ${inspectorate.short} considered ${how} and gave `));
    runs.push(bold(`an overall judgment of ${q(overall === 'Requires improvement' ? 'requires improvement' : gradeInSentence(overall))}`));
  }
  const summary = summaryQuote(ctx);
  if (!summary) return [...runs, plain('.')];
  const from = summary.speaker ? ` from ${summary.speaker}` : '';
  return [...runs, plain(`, with the following comments${from} `), italic(q(summary.text))];
}

function questionsIntro(ctx: Context): Run[] {
  if (ctx.areas.length > 0) return [plain('Each area of policing was graded as follows:')];
  if (ctx.integrated) return [plain('The pillar judgments were reached by assessing the following components:')];
  const count = ctx.pillars[0]?.components.length ?? 0;
  return [plain(`The overall judgment was reached by assessing ${numberWord(count)} sub-question${count === 1 ? '' : 's'}:`)];
}

/** A report's place in time, for finding the latest of the earlier ones. */
function reportSortKey(report: Report): string {
  const published = parseLooseDate(report.published);
  if (published) return published.sortKey;
  const year = periodStartYear(report.period);
  return year === null ? '' : `${year}-13`;
}

function yearOf(report: Report): string {
  return report.period ?? String(parseLooseDate(report.published)?.year ?? '');
}

/** "(no change from 2016)" against the latest earlier report that graded the same question; null when none did. */
function changeSince(ctx: Context, judgment: Judgment): string | null {
  if (judgment.question === null) return null;
  if (ctx.integrated && judgment.lastInspected && ctx.report.period && judgment.lastInspected !== ctx.report.period) {
    return `(judgment carried over from ${judgment.lastInspected})`;
  }
  const key = questionKey(judgment.question);
  // Strictly earlier inspections only: never the report itself or a copy of it in another format.
  const earlier = ctx.history
    .filter((r) => isEarlierInspection(r, ctx.report) && !areCopies(r, ctx.report))
    .sort((a, b) => compareReportsByTime(b, a) || reportSortKey(b).localeCompare(reportSortKey(a)));
  for (const report of earlier) {
    const previous = report.judgments.find((j) => j.question !== null && j.grade !== null && questionKey(j.question) === key);
    if (!previous) continue;
    const year = yearOf(report);
    // The same area under its earlier name ("Fair treatment of the public" in 2018/19) is named; a question
    // of the single-pillar years became a component, which the house format does not remark on.
    const wasQuestion = (previous.question ?? '').trim().endsWith('?');
    const renamed = wasQuestion || sameWords(previous.question, judgment.question) ? '' : `, when it was ${q(previous.question ?? '')}`;
    switch (compareGrades(previous.grade, judgment.grade)) {
      case 'improved':
        return `(an improvement on ${year}${renamed})`;
      case 'declined':
        return `(a decline from ${year}${renamed})`;
      case 'no-change':
        return `(no change from ${year}${renamed})`;
      case 'not-comparable':
        return null;
    }
  }
  return null;
}

const sameWords = (a: string | null, b: string | null): boolean =>
  (a ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim() === (b ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Grades in the order 4.1 counts them. */
const GRADE_ORDER: Grade[] = ['Outstanding', 'Good', 'Adequate', 'Requires improvement', 'Inadequate', 'Ungraded'];

function questionItem(ctx: Context, j: Judgment): Run[] {
  const question = (j.question ?? '').trim();
  const change = changeSince(ctx, j);
  const tail = plain(change ? ` ${change}.` : '.');
  if (j.grade === null || j.grade === 'Ungraded') return [plain(`${question}${question.endsWith('?') ? '' : ':'} `), bold('not graded'), tail];
  const lead = question.endsWith('?') ? `${question} Assessed as ` : `${question}: assessed as `;
  return [plain(lead), bold(gradeInSentence(j.grade)), tail];
}

function questionsList(ctx: Context): PaperList {
  if (ctx.areas.length > 0) return { style: 'plain', groups: [{ heading: null, items: ctx.areas.map((j) => questionItem(ctx, j)) }] };
  if (!ctx.integrated) {
    return { style: 'plain', groups: [{ heading: null, items: (ctx.pillars[0]?.components ?? []).map((j) => questionItem(ctx, j)) }] };
  }
  return {
    style: 'plain',
    groups: ctx.pillars.map((p) => ({
      heading: [bold(p.name), plain(` (${gradeInSentence(p.grade)})`)],
      items: p.components.map((j) => questionItem(ctx, j)),
    })),
  };
}

function otherMentions(): Run[] {
  return [plain('The report makes no other mention of the force that the Board needs to note.')];
}

const afis = (ctx: Context): Finding[] => ctx.findings.filter((f) => f.kind === 'area-for-improvement');

function afiIntro(ctx: Context): Run[] {
  const count = afis(ctx).length;
  const who = ctx.inspectorate.short;
  const standard = 'where an aspect of the force’s practice, policy or performance fell short of the expected standard';
  if (count === 0) return [plain(`${who} did not identify any ${q('areas for improvement')} (AFIs), aspects of the force’s practice, policy or performance that fell short of the expected standard.`)];
  if (count === 1) return [plain(`${who} identified one ${q('area for improvement')} (AFI) ${standard}. This was:`)];
  return [plain(`${who} identified a number of ${q('areas for improvement')} (AFIs) ${standard}. These were:`)];
}

function afiRuns(f: Finding): Run[] {
  return f.carriedOver ? [plain(f.text), italic(' (this area for improvement remains from the previous inspection)')] : [plain(f.text)];
}

/** Single-pillar: one numbered list. Integrated: grouped by pillar and component, numbering running on. */
function afiList(ctx: Context): PaperList | null {
  const found = afis(ctx);
  if (found.length === 0) return null;
  if (!ctx.integrated) return { style: 'roman', groups: [{ heading: null, items: found.map(afiRuns) }] };
  const order: string[] = [];
  for (const p of ctx.pillars) {
    order.push(groupKey(p.name, null));
    for (const c of p.components) order.push(groupKey(p.name, c.question));
  }
  const groups = new Map<string, { rank: number; group: ListGroup }>();
  for (const f of found) {
    const key = groupKey(f.pillar, f.question);
    let entry = groups.get(key);
    if (!entry) {
      const rank = order.indexOf(key);
      const heading = [f.pillar, f.question].filter((x): x is string => !!x).join(' — ') || 'Other';
      entry = { rank: rank < 0 ? order.length : rank, group: { heading: [bold(heading)], items: [] } };
      groups.set(key, entry);
    }
    entry.group.items.push(afiRuns(f));
  }
  return { style: 'roman', groups: [...groups.values()].sort((a, b) => a.rank - b.rank).map((e) => e.group) };
}

const groupKey = (pillar: string | null, question: string | null): string =>
  `${pillar ? questionKey(pillar) : ''}|${question ? questionKey(question) : ''}`;

function concerns(ctx: Context): [Run[], PaperList | null] {
  const who = ctx.inspectorate.short;
  const causes = ctx.findings.filter((f) => f.kind === 'cause-of-concern');
  const recs = ctx.findings.filter((f) => f.kind === 'recommendation');
  const definition = `${q('causes of concern')} (a serious or critical shortcoming in practice, policy or performance)`;
  if (causes.length === 0 && recs.length === 0) {
    return [[plain(`${who} did not identify any ${definition} during the inspection, and thus no recommendations were made for the force.`)], null];
  }
  const groups: ListGroup[] = [];
  if (causes.length > 0) groups.push({ heading: null, items: causes.map((f) => [plain(f.text)]) });
  const leadIns = [...new Set(recs.map((f) => f.leadIn ?? ''))];
  for (const leadIn of leadIns) {
    groups.push({
      heading: leadIn ? [italic(leadIn)] : null,
      items: recs.filter((f) => (f.leadIn ?? '') === leadIn).map((f) => [plain(f.text)]),
    });
  }
  const causeText =
    causes.length === 0
      ? `${who} did not identify any ${definition} during the inspection`
      : `${who} identified ${numberWord(causes.length)} ${causes.length === 1 ? `${q('cause of concern')} (a serious or critical shortcoming in practice, policy or performance)` : definition} during the inspection`;
  const recText =
    recs.length === 0
      ? ', and made no recommendations for the force.'
      : `, and made ${numberWord(recs.length)} recommendation${recs.length === 1 ? '' : 's'} for the force:`;
  return [[plain(`${causeText}${recText}`)], { style: 'bullet', groups }];
}

/** 4.6 from tracking: how many AFIs have owners, and where progress is watched. */
function response(ctx: Context): Run[] {
  const found = afis(ctx);
  const owned = found.filter((f) => f.tracking.owner !== null && f.tracking.owner.trim() !== '').length;
  const monitoring = `Progress is monitored monthly at ${ctx.settings.monitoringForum} with strategic oversight provided by ${ctx.settings.oversight}.`;
  if (found.length === 0) return [plain(monitoring)];
  let action: string;
  if (owned === found.length) action = 'The force has considered all the AFIs, allocated owners and commenced action to address them appropriately.';
  else if (owned === 0) action = 'The force is considering the AFIs and will allocate an owner to each.';
  else action = `The force has considered all the AFIs and allocated owners to ${numberWord(owned)} of the ${numberWord(found.length)}; the rest will be allocated shortly.`;
  return [plain(`${action} ${monitoring}`)];
}

function sourceDocument(ctx: Context): string {
  const { report } = ctx;
  const label = ctx.integrated ? `${report.programme ?? ''} ${report.period ?? ''}`.trim() : (report.inspectionType ?? '');
  const name = label ? `${label} report` : report.title;
  return report.webAddress ? `${name}: ${report.webAddress}` : name;
}
