import type { DocumentKind } from '../../shared/domain/extraction';
import type { Line } from './lines';
import { pillarFromWord, pillarHeading } from './vocabulary';

const FORCE =
  /\b(?:(?:Police Service of Northern Ireland|City of London Police|Metropolitan Police Service)|(?:\p{Lu}[\p{L}'’-]*[ \t]+)(?:(?:and[ \t]+)?\p{Lu}[\p{L}'’-]*[ \t]+){0,3}(?:Constabulary|Police(?: Service)?))\b/gu;
const NOT_A_FORCE = /^(?:The|A|An|HM|HMIC|HMICFRS|Her|His|Our|This|Each|All|Every|Most|National|British Transport)$/;

/** The force the document is about: named after "An inspection of"/"assessment of" if so, else the one named most often. */
export function findForce(text: string): string | null {
  const named = /\b(?:inspection|assessment|report) (?:of|on|for) ((?:the )?[\p{Lu}][\p{L}'’ \t-]{2,60}?(?:Constabulary|Police(?: Service)?))\b/u.exec(text);
  if (named?.[1]) return named[1].replace(/^the /, '');
  const counts = new Map<string, number>();
  for (const match of text.matchAll(FORCE)) {
    const words = match[0].split(/\s+/);
    while (words.length > 1 && NOT_A_FORCE.test(words[0] ?? '')) words.shift();
    if (words.length < 2 || words.some((w) => /^\p{Lu}{2,}$/u.test(w))) continue;
    const name = words.join(' ');
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  let best: string | null = null;
  let bestCount = 0;
  for (const [name, count] of counts) {
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

/** HMIC became HMICFRS in July 2017; text that names neither is dated by its period. */
export function findInspectorate(text: string, period: string | null, published: string | null): string | null {
  if (/\bHMICFRS\b|Inspectorate of Constabulary and Fire (?:&|and) Rescue Services/i.test(text)) return 'HMICFRS';
  if (/\bHMIC\b|Inspectorate of Constabulary\b/i.test(text)) return 'HMIC';
  if (published) return published >= '2017-07-19' ? 'HMICFRS' : 'HMIC';
  const year = period ? Number(period.slice(0, 4)) : NaN;
  if (/\bPEEL\b/.test(text) && year) return year >= 2018 ? 'HMICFRS' : 'HMIC';
  return null;
}

export function findProgramme(text: string): string | null {
  return /\bPEEL\b|police effectiveness, efficiency and legitimacy/i.test(text) ? 'PEEL' : null;
}

/** "Integrated" when the title covers all three pillars; else the single pillar the document is about. */
export function findInspectionType(text: string, lines: Line[]): string | null {
  const opening = lines.slice(0, 12).map((line) => line.text).join('\n');
  if (/effectiveness,? efficiency,? (?:and )?legitimacy/i.test(opening)) return 'Integrated';
  const named = /\bPEEL:?\s+(?:police\s+)?(legitimacy|effectiveness|efficiency|leadership)\b/i.exec(text) ??
    /\b(legitimacy|effectiveness|efficiency|leadership)\s+(?:report|inspection)\b/i.exec(text);
  if (named?.[1]) return pillarFromWord(named[1]);
  for (const line of lines.slice(0, 15)) {
    const pillar = pillarHeading(line.text);
    if (pillar) return pillar;
  }
  const question = /\bhow (legitimate|legitimately|effective|effectively|efficient|efficiently)\b/i.exec(text);
  return question?.[1] ? pillarFromWord(question[1]) : null;
}

const YEAR = String.raw`((?:19|20)\d{2}(?:\/\d{2})?)`;

/** The inspection year the document is about ("PEEL 2016", "legitimacy 2018/19", "The 2017 Legitimacy report"). */
export function findPeriod(text: string): string | null {
  const patterns = [
    new RegExp(String.raw`\bPEEL:?[ \t]+(?:[A-Za-z]+[ \t]+){0,4}${YEAR}`),
    new RegExp(String.raw`\b(?:legitimacy|effectiveness|efficiency|leadership)[ \t]+${YEAR}\b`, 'i'),
    new RegExp(String.raw`\b${YEAR}[ \t]+(?:PEEL[ \t]+)?(?:legitimacy|effectiveness|efficiency|leadership|integrated|PEEL)[ \t]+(?:report|inspection|assessment)`, 'i'),
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match?.[1]) return match[1];
  }
  const previous = /\b(?:our |the )?(?:previous|last) (?:inspection|assessment) (?:was )?in ((?:19|20)\d{2})\b/i.exec(text);
  return previous?.[1] ? String(Number(previous[1]) + 1) : null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The publication date as ISO yyyy-mm-dd from a labelled line; slashed dates are British (day first). */
export function findPublished(lines: Line[]): string | null {
  for (const line of lines) {
    const match = /^(?:last updated|published(?: on)?|publication date|date(?: of publication)?)\s*:?\s*(.+)$/i.exec(line.text);
    const date = match?.[1] ? parseDate(match[1]) : null;
    if (date) return date;
  }
  return null;
}

export function parseDate(text: string): string | null {
  const slashed = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(text.trim());
  const worded = /^(\d{1,2})(?:st|nd|rd|th)? ([A-Za-z]+),? (\d{4})\b/.exec(text.trim());
  let day: number;
  let month: number;
  let year: number;
  if (slashed) {
    [day, month, year] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
  } else if (worded) {
    day = Number(worded[1]);
    month = MONTHS.indexOf((worded[2] ?? '').toLowerCase()) + 1;
    year = Number(worded[3]);
  } else {
    return null;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function findKind(text: string, lines: Line[], hasJudgmentsOrFindings: boolean): DocumentKind {
  const top = lines.slice(0, 30).map((line) => line.text);
  if (top.some((t) => /^to:/i.test(t)) && top.some((t) => /^from:/i.test(t)) || /\bthe board is recommended\b/i.test(text)) {
    return 'board-paper';
  }
  if (lines.slice(0, 10).some((line) => /\btranscript\b/i.test(line.text))) return 'transcript';
  if (/\bpublished today\b|\bpress release\b|\bnotes to editors\b/i.test(text)) return 'press-release';
  if (hasJudgmentsOrFindings || findProgramme(text)) return 'inspection-report';
  return 'other';
}

const NAVIGATION = /^(skip to (?:main )?content|menu|home|search|back to top|cookies?.*|print this page)$/i;

export function findTitle(lines: Line[], kind: DocumentKind): string | null {
  if (kind === 'transcript') {
    const line = lines.slice(0, 10).find((l) => /\btranscript\b/i.test(l.text));
    if (line) return line.text;
  }
  if (kind === 'board-paper') {
    const date = lines.findIndex((l) => /^date:/i.test(l.text));
    const next = date >= 0 ? lines[date + 1] : undefined;
    if (next) return next.text;
  }
  const candidates = lines.slice(0, 20).filter((l) => !NAVIGATION.test(l.text) && l.cells.length === 0);
  const first = candidates[0];
  if (!first) return null;
  const second = candidates[1];
  if (first.heading !== null && second?.heading !== null && second && first.text.split(' ').length <= 2) {
    return `${first.text}: ${second.text}`;
  }
  return first.text;
}
