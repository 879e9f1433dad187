import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/api/result';
import type { BoardPaper } from '../../shared/domain/paper';
import type { PaperModel } from '../../shared/domain/paper-model';
import { filterRegister } from '../../shared/domain/register';
import type { Quote, Report } from '../../shared/domain/report';
import { KIND_LABELS } from '../../shared/domain/report-label';
import type { QuoteOption } from '../../shared/api/papers';
import type { RegisterFilter } from '../../shared/domain/views';
import { buildPaper } from '../paper/build-paper';
import { judgmentSummary } from '../paper/judgment-summary';
import type { renderPaperDocx as RenderPaperDocx } from '../paper/render-docx';
import { projectRoot } from '../paths';
import { registerRows } from '../register/register-row';
import { renderRegisterXlsx } from '../register/render-xlsx';
import type { Store } from '../store/repository';
import type { ReportDoc } from '../store/schema';
import { compareReportsByTime, todayIso } from '../tracking/periods';
import { sameForce } from '../tracking/inspections';
import { forceLogo } from './force-logo';
import { buildRegister } from '../tracking/register';
import { referencesOf, trackedFindings } from './findings';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const logoFile = (root = projectRoot): string => join(root, 'resources', 'logo.png');

export function requireInspectionReport(store: Store, reportId: string): ReportDoc {
  const doc = store.reportDoc(reportId);
  if (!doc) throw new AppError('not-found', `There is no report with id ${reportId}; it may have been deleted.`);
  if (doc.report.kind !== 'inspection-report') {
    throw new AppError('invalid-input', `“${doc.report.title}” is a supporting document, not an inspection report; a board paper is written about a report.`);
  }
  return doc;
}


/** Summaries by text and passage: a text never changes (it is named by its sha256), so neither does the summary in it. */
const summaries = new Map<string, string | null>();

async function summaryOf(store: Store, report: Report): Promise<string | null> {
  const overall = report.judgments.find((j) => j.question === null && j.anchor !== null)?.anchor;
  if (!overall) return null;
  const key = `${report.sha256}:${overall.start}:${overall.end}`;
  if (!summaries.has(key)) {
    const text = await store.readText(report.sha256).catch(() => null);
    summaries.set(key, text ? judgmentSummary(text.text, report) : null);
  }
  return summaries.get(key) ?? null;
}

/** Quotes of the supporting documents about a report (the press release's words of HM Inspector), with where each is from. */
export function supportingQuotes(store: Store, report: Report): { quote: Quote; source: Report }[] {
  return store
    .allReportDocs()
    .filter((doc) => doc.report.aboutReportId === report.id && doc.report.kind !== 'inspection-report')
    .flatMap((doc) => doc.report.quotes.map((quote) => ({ quote, source: doc.report })));
}

/** The paper for a report as it stands in the store: its findings, the force's other reports, the settings and the officer's edits. */
export async function paperModel(store: Store, reportId: string, paper: BoardPaper | null): Promise<PaperModel> {
  const { report, findings } = requireInspectionReport(store, reportId);
  const history = store
    .allReportDocs()
    .map((doc) => doc.report)
    // A superseded report gave way to another; its judgments are not the force's history.
    .filter((other) => other.id !== report.id && other.kind === 'inspection-report' && other.status !== 'superseded' && sameForce(other, report));
  return buildPaper({
    report,
    findings,
    history,
    settings: store.index.settings,
    paper,
    summary: await summaryOf(store, report),
    otherQuotes: supportingQuotes(store, report).map((q) => q.quote),
  });
}

/** What 4.1 may quote, for the officer to choose from: the inspectorate's summary, and the report's quotes and its supporting documents'. */
export async function quoteOptions(store: Store, reportId: string): Promise<QuoteOption[]> {
  const { report } = requireInspectionReport(store, reportId);
  const options: QuoteOption[] = [];
  const longest = report.judgments.find((j) => j.question === null && j.anchor && j.anchor.quote.length > 40)?.anchor?.quote ?? null;
  const summary = (await summaryOf(store, report)) ?? longest;
  if (summary) options.push({ value: 'summary', label: 'The inspectorate’s summary', text: summary.trim() });
  const own = report.quotes.map((quote) => ({ quote, source: report }));
  for (const { quote, source } of [...own, ...supportingQuotes(store, report)]) {
    const from = source.id === report.id ? 'the report' : `the ${KIND_LABELS[source.kind].toLowerCase()}`;
    options.push({ value: `quote:${quote.id}`, label: `${quote.speaker ?? 'Unattributed'}, in ${from}`, text: quote.text.trim() });
  }
  return options;
}

/** docx takes most of a second to load: it is loaded with the first paper written, not with the app. */
const renderPaperDocx: typeof RenderPaperDocx = async (...args) => (await import('../paper/render-docx')).renderPaperDocx(...args);

/** The paper as .docx, with the force's logo (or the placeholder shield) in its header unless the officer turned it off. */
export async function paperDocx(store: Store, model: PaperModel): Promise<Uint8Array> {
  const { settings } = store.index;
  if (settings.includeLogo === false) return renderPaperDocx(model, { author: settings.author });
  const own = await forceLogo(store);
  if (own) return renderPaperDocx(model, { author: settings.author, logo: own.bytes });
  const logo = await readFile(logoFile()).catch(() => {
    throw new AppError('not-found', 'The placeholder logo (resources/logo.png) is missing; choose the force’s own logo in Settings, or turn off “Include the force logo”.');
  });
  return renderPaperDocx(model, { author: settings.author, logo: new Uint8Array(logo) });
}

/** A file name Windows, macOS and Linux all accept, from the paper's title. */
export function safeFileName(title: string, extension: string): string {
  const base = title
    // "2018/19" reads best as "2018-19"; the other characters some system refuses become spaces.
    .replace(/\//g, '-')
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '')
    .slice(0, 160)
    .trim();
  return `${base || 'Board paper'}.${extension}`;
}

/**
 * The findings register (every finding, or those the filter keeps) as .xlsx, reports in time order, with each
 * finding's reference, the RAG that applies, its latest update, evidence and linked findings.
 */
export async function registerXlsx(store: Store, filter: RegisterFilter = {}, today = todayIso()): Promise<Uint8Array> {
  const { findings, reports } = trackedFindings(store, today);
  const ordered = [...reports].sort(compareReportsByTime);
  const everything = Object.values(filter).every((v) => v === undefined);
  const kept = everything ? findings : filterRegister(buildRegister(findings, ordered, today), filter, { by: 'report', dir: 'asc' }, today).map((row) => row.finding);
  const title = `HMICFRS findings register — ${store.index.settings.forceName}`;
  return renderRegisterXlsx(registerRows(ordered, kept, referencesOf(store), store.index.links), title);
}
