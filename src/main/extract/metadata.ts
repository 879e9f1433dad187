import type { DocumentKind } from '../../shared/domain/extraction';
import { parseDate } from './dates';
import type { Line } from './lines';
import { pillarFromWord, pillarHeading } from './vocabulary';

const FORCE =
  /\b(?:(?:Police Service of Northern Ireland|City of London Police|Metropolitan Police Service)|(?:\p{Lu}[\p{L}'’-]*[ \t]+)(?:(?:(?:and|&)[ \t]+)?\p{Lu}[\p{L}'’-]*[ \t]+){0,3}(?:Constabulary|Police(?: Service)?))\b/gu;
const NOT_A_FORCE = /^(?:The|A|An|HM|HMIC|HMICFRS|Her|His|Our|This|Each|All|Every|Most|National|British Transport|Report|Inspection|Minutes|Item|Agenda|Dear|Chief|Dorset's)$/;

/** The opening of a document: where titles, banners and dates are. */
const top = (lines: Line[], n: number): string => lines.slice(0, n).map((line) => line.text).join('\n');

/**
 * The force the document is about: named after "An inspection of"/"assessment of" if so, else the one named
 * most often. A thematic or national report is about no single force.
 */
export function findForce(text: string, programme: string | null): string | null {
  const named = /\b(?:inspection|assessment|report|revisit) (?:of|on|for|into) ((?:the )?[\p{Lu}][\p{L}'’ \t-]{2,60}?(?:Constabulary|Police(?: Service)?))\b/u.exec(text);
  if (named?.[1]) return named[1].replace(/^the /, '');
  if (programme === 'Thematic' || programme === 'National') return null;
  const counts = new Map<string, number>();
  for (const match of text.matchAll(FORCE)) {
    // "Northmoor Police and Crime Panel", "… Police and Crime Commissioner" name an office, not the force.
    if (/^\s+and\s+crime\b/i.test(text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 12))) continue;
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

/**
 * HMIC became HMICFRS on 19 July 2017: a dated document is named for its date (today's web pages carry the
 * new name on reports HMIC published); an undated one by the name it uses, or failing that by its period.
 */
export function findInspectorate(text: string, period: string | null, published: string | null): string | null {
  const mentions = /\bHMICFRS\b|\bHMIC\b|Inspector(?:ate)? of Constabulary\b|\bPEEL\b/i.test(text);
  if (published && mentions) return published >= '2017-07-19' ? 'HMICFRS' : 'HMIC';
  if (/\bHMICFRS\b|Inspectorate of Constabulary and Fire (?:&|and) Rescue Services/i.test(text)) return 'HMICFRS';
  if (/\bHMIC\b|Inspectorate of Constabulary\b/i.test(text)) return 'HMIC';
  if (published) return published >= '2017-07-19' ? 'HMICFRS' : 'HMIC';
  const year = period ? Number(period.slice(0, 4)) : NaN;
  if (/\bPEEL\b/.test(text) && year) return year >= 2018 ? 'HMICFRS' : 'HMIC';
  return null;
}

const PEEL = /\bPEEL\b|police effectiveness, efficiency and legitimacy/i;
const JOINT = /\bjoint (?:thematic )?inspection\b|\bcriminal justice joint inspection\b|\bHM Inspectorate of Prisons\b|\bcustody suites?\b/i;
const THEMATIC = /\bthematic\b|\ban inspection of (?:how (?:well )?)?(?:the police|police forces|forces|the police service|policing)\b/i;
const NATIONAL = /\bstate of policing\b|\bnational (?:report|overview|inspection|assessment)\b|\ball 43 (?:police )?forces\b/i;

/** "PEEL", "Thematic", "Joint" (with other inspectorates, custody visits among them) or "National", from the opening first. */
export function findProgramme(text: string, lines: Line[]): string | null {
  // The title block first: a thematic's foreword may cite "our PEEL inspections".
  const titleLike = (n: number): string =>
    lines
      .slice(0, n)
      .filter((line) => line.text.split(' ').length <= 20)
      .map((line) => line.text)
      .join('\n');
  for (const opening of [titleLike(4), titleLike(15), top(lines, 15)]) {
    if (PEEL.test(opening)) return 'PEEL';
    if (JOINT.test(opening)) return 'Joint';
    if (THEMATIC.test(opening)) return 'Thematic';
    if (NATIONAL.test(opening)) return 'National';
  }
  if (PEEL.test(text)) return 'PEEL';
  return null;
}

const PILLAR_TITLE = /\b(?:PEEL:?\s+)?(?:police\s+)?(effectiveness|efficiency|legitimacy|leadership)\s+(?:(?:19|20)\d{2}\b|inspection\b|report\b|assessment\b)/gi;
const ALL_THREE = /effectiveness,?\s+efficiency,?\s+(?:and\s+)?legitimacy/i;

/**
 * What kind of inspection: "Revisit", "Cause of concern" (a letter), "Custody", a single pillar
 * ("Legitimacy", even on a page whose banner spells PEEL out as all three pillars), or "Integrated".
 */
export function findInspectionType(text: string, lines: Line[], programme: string | null, period: string | null): string | null {
  const opening = top(lines, 15);
  const titles = lines.slice(0, 15).filter((line) => line.heading !== null || line.text.split(' ').length <= 15 || line.index < 3);
  if (titles.some((line) => /\brevisit\b/i.test(line.text))) return 'Revisit';
  if (/\bcauses? of concern\b/i.test(opening) && /^dear\b/im.test(top(lines, 30))) return 'Cause of concern';
  if (programme === 'Joint' && /\bcustody\b/i.test(opening)) return 'Custody';
  for (const match of opening.matchAll(PILLAR_TITLE)) {
    const before = opening.slice(Math.max(0, (match.index ?? 0) - 40), match.index);
    // "…effectiveness, efficiency and legitimacy 2018/19" names all three pillars, not legitimacy alone.
    if (/(?:effectiveness|efficiency),?\s+(?:and\s+)?(?:police\s+)?$/i.test(before)) continue;
    if (match[1]) return pillarFromWord(match[1]);
  }
  if (ALL_THREE.test(opening)) return 'Integrated';
  const year = Number(/(?:19|20)\d{2}/.exec(period ?? '')?.[0] ?? NaN);
  if (programme === 'PEEL' && year >= 2018) return 'Integrated';
  if (programme !== null && programme !== 'PEEL') return null;
  for (const line of lines.slice(0, 15)) {
    const pillar = pillarHeading(line.text);
    if (pillar) return pillar;
  }
  const question = /\bhow (legitimate|legitimately|effective|effectively|efficient|efficiently)\b/i.exec(text);
  return question?.[1] ? pillarFromWord(question[1]) : null;
}

const YEAR = String.raw`((?:19|20)\d{2}(?:[ \t]*[/–-][ \t]*(?:(?:19|20)\d{2}|\d{2})\b)?)`;
const PERIOD_PATTERNS = [
  new RegExp(String.raw`\bPEEL:?[ \t]+(?:[A-Za-z]+[ \t]+){0,4}${YEAR}`),
  new RegExp(String.raw`\b(?:legitimacy|effectiveness|efficiency|leadership)[ \t]+${YEAR}`, 'i'),
  new RegExp(String.raw`\b${YEAR}[ \t]+(?:PEEL[ \t]+)?(?:legitimacy|effectiveness|efficiency|leadership|integrated|PEEL)[ \t]+(?:report|inspection|assessment|programme|cycle)`, 'i'),
];

/**
 * The inspection period the document is about, as it writes it: "2016", "2018/19", "2023–2025" (dashes
 * as en dashes). The opening is read first, so a later mention of an earlier inspection does not win.
 */
export function findPeriod(text: string, lines: Line[]): string | null {
  for (const source of [top(lines, 15), text]) {
    for (const pattern of PERIOD_PATTERNS) {
      const match = pattern.exec(source);
      if (match?.[1]) return match[1].replace(/[ \t]*[–-][ \t]*/, '–').replace(/[ \t]*\/[ \t]*/, '/');
    }
  }
  const previous = /\b(?:our |the )?(?:previous|last) (?:inspection|assessment) (?:was )?in ((?:19|20)\d{2})\b/i.exec(text);
  return previous?.[1] ? String(Number(previous[1]) + 1) : null;
}

const DATE_LABEL =
  /^(?:last updated|published(?: on)?|publication date|date published|date of publication|posted(?: on)?|date(?: of meeting)?|issued(?: on)?|laid before parliament(?: on)?)\s*:?\s*(.+)$/i;

/**
 * The publication date as ISO yyyy-mm-dd: from a labelled line ("Published 14 March 2024"), a meeting's
 * "held on" date, or a date standing alone near the top, as news pages print it.
 */
export function findPublished(lines: Line[]): string | null {
  for (const line of lines) {
    const match = DATE_LABEL.exec(line.text);
    const date = match?.[1] ? parseDate(match[1].replace(/^(?:on|at)\s+/i, '')) : null;
    if (date) return date;
  }
  for (const line of lines.slice(0, 40)) {
    const held = /\bnext meeting\b/i.test(line.text) ? null : /\bheld\b[^.]{0,80}?\bon ((?:\p{L}+day,? )?\d{1,2}(?:st|nd|rd|th)? \p{L}+ \d{4})/iu.exec(line.text);
    const date = held?.[1] ? parseDate(held[1]) : null;
    if (date) return date;
  }
  for (const line of lines.slice(0, 15)) {
    // "Notes of meeting, 3 March 2020": a short line ending with its date.
    const trailing = /,\s*((?:\p{L}+day,? )?\d{1,2}(?:st|nd|rd|th)? \p{L}+ \d{4})$/u.exec(line.text);
    if (trailing?.[1] && line.text.split(' ').length <= 10) {
      const date = parseDate(trailing[1]);
      if (date) return date;
    }
    if (line.text.length <= 40) {
      const date = parseDate(line.text);
      if (date && line.text.replace(/\s+/g, ' ').length <= 30) return date;
    }
  }
  return null;
}

export function findKind(text: string, lines: Line[], hasJudgmentsOrFindings: boolean, statesGrades = false): DocumentKind {
  const opening = lines.slice(0, 30).map((line) => line.text);
  if ((opening.some((t) => /^to:/i.test(t)) && opening.some((t) => /^from:/i.test(t))) || /\bthe board is recommended\b/i.test(text)) {
    return 'board-paper';
  }
  if (lines.slice(0, 10).some((line) => /\btranscript\b/i.test(line.text))) return 'transcript';
  const head = top(lines, 20);
  if (/\bminutes\b|\bnotes of (?:the )?meeting\b|\bmeeting notes\b|^attendees\b/im.test(head) || /^agenda item\b/im.test(head) || (/^present\s*:?$/im.test(text) && /^apologies\b/im.test(text))) {
    return 'other';
  }
  if (/\b(?:press|news|media) release\b|\bpublished today\b|\bnotes to editors\b/i.test(text) || /^(?:news|latest news|press office|news and media)$/im.test(head)) {
    return 'press-release';
  }
  if (/\bcrime commissioner\b/i.test(head) && /\b(?:response|statement|letter)\b/i.test(head)) return 'other';
  const reportTitle = /\ban? (?:\p{L}+ )?inspection (?:of|into)\b|\breport on an? (?:unannounced )?inspection\b|\brevisit\b|\bcauses? of concern\b/iu;
  if (hasJudgmentsOrFindings || reportTitle.test(head)) return 'inspection-report';
  // A short page about a report, with no judgment or finding laid out as a report lays them out, is news about it.
  const aboutInspectorate = /\b(?:the inspectorate|HMICFRS|HMIC|inspectors?|His Majesty['’]s Inspectorate|Her Majesty['’]s Inspectorate)\b/.test(text);
  if (aboutInspectorate && text.length < 12_000 && (statesGrades || /\b(?:said|says|commented)\b/i.test(text))) return 'press-release';
  if (findProgramme(text, lines)) return 'inspection-report';
  return 'other';
}

const NAVIGATION =
  /^(?:skip to (?:main )?content|menu|home|search|back to top|cookies?.*|print this page|share(?: this page)?|you are here.*|official(?:[- ]sensitive)?|not protectively marked|public|news|latest news|press release|publications?|reports?|contents|page \d+|home\s*[›>»/].*|.*\s[›»]\s.*)$/i;

/** A site banner: the inspectorate's acronym or full name alone on a line. */
const INSPECTORATE_NAME = /^(?:HMIC|HMICFRS|HMI|HMIP|HMCPSI|(?:his|her) majesty['’]s inspectorate of constabulary(?: and fire (?:&|and) rescue services)?|hm inspectorate of constabulary(?: and fire (?:&|and) rescue services)?)$/i;

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
  // A letter's title is its subject line, just after "Dear …".
  const dear = lines.slice(0, 30).findIndex((l) => /^dear\b/i.test(l.text));
  const subject = dear >= 0 ? lines[dear + 1] : undefined;
  if (subject && subject.text.split(' ').length <= 25 && !/[.:]$/.test(subject.text)) return subject.text;
  const candidates = lines
    .slice(0, 25)
    .filter(
      (l) =>
        !NAVIGATION.test(l.text) &&
        l.cells.length === 0 &&
        !/^(?:agenda )?item\s+\d+[a-z]?\b\.?\s*$/i.test(l.text) &&
        !/^agenda item\b/i.test(l.text) &&
        !DATE_LABEL.test(l.text) &&
        !INSPECTORATE_NAME.test(l.text) &&
        !/^.{0,60}\s[–|-]\s(?:news|latest news|press releases?|media centre)$/i.test(l.text) &&
        parseDate(l.text) === null,
    );
  // A news page's headline comes after its section label ("Latest news", "Press release").
  const label = lines.slice(0, 10).findIndex((l) => /^(?:news|latest news|press release|news release|media release)$/i.test(l.text));
  const afterLabel = label >= 0 ? candidates.find((l) => l.index > label) : undefined;
  const titled = afterLabel ?? candidates.find((l) => l.heading === 1);
  const first = titled ?? candidates[0];
  if (!first) return null;
  // A title block repeated (a cover, then the first page's heading) is one title.
  const second = candidates.slice(candidates.indexOf(first) + 1).find((l) => l.text !== first.text);
  // "PEEL" over "Police effectiveness, efficiency and legitimacy 2018/19" is one title.
  if (second && first.text.split(' ').length <= 2 && (second.heading !== null || (second.text.split(' ').length <= 12 && !/[.:]$/.test(second.text)))) {
    return `${first.text}: ${second.text}`;
  }
  return first.text;
}
