import type { ExtractedJudgment } from '../../shared/domain/extraction';
import type { Grade } from '../../shared/domain/grades';
import { cycleOfPeriod, isAreaName, nameInCycle, questionKey } from '../../shared/domain/question-key';
import type { Anchorer } from './anchors';
import { areaName, isKnownArea, judgmentConfidence, pillarNamed } from './areas';
import { GRADE_WORDS, gradeFromWords } from './grade-text';
import { isHeadingLike, type Line } from './lines';
import { maskInline } from './mask';
import { pillarFromWord, pillarHeading, pillarQuestion } from './vocabulary';

const Q = `["'‘’“”]?`;
const OCCURRENCE = new RegExp(String.raw`${Q}\b(${GRADE_WORDS})\b${Q}`, 'gi');
/** "outstanding, good, adequate, requires improvement or inadequate": the scale described, nothing judged. */
const SCALE = new RegExp(String.raw`\b(?:${GRADE_WORDS})${Q}\s*(?:,|\bor\b|/)\s*${Q}(?:${GRADE_WORDS})\b`, 'i');
/** What comes before a grade that states one: "is", "was judged", "has been assessed as", "a grade of". */
const CUE = new RegExp(
  String.raw`(?:\b(?:is|was|are|were|be|been|being|as|remains|remained|stays|judged|graded|rated|assessed|found|considered|deemed|received|achieved|given|got|scored)` +
    // "judged the force adequate", "found Northmoor Police to be good", "graded them as outstanding"
    String.raw`(?:\s+(?:the force|the constabulary|it|them|(?:\p{Lu}[\p{L}'’-]*\s+){1,4}(?:police|constabulary)))?` +
    String.raw`|\b(?:a|an) (?:grade|rating|judg(?:e)?ment) of|\boverall (?:grade|judg(?:e)?ment|rating) (?:of|was|is)|[:–—])\s*(?:(?:to be|to|as|a|an|overall|now|still|also)\s+)*$`,
  'iu',
);
const CONTINUES_LIST = /(?:,|;|\band|\bbut|\bwhile|\bwhereas|\band (?:was|is)|\bbut (?:was|is))\s*$/i;
const NEGATED = /\b(?:not|no longer|never|from|previously|formerly|once)\s+(?:(?:been|be|judged|graded|rated|assessed|as)\s+){0,3}$/i;
const AREA_AFTER = new RegExp(String.raw`^${Q}\s*(?:overall\s+)?(?:at|in|for|when it comes to|in (?:relation to|respect of)|on)\s+`, 'i');
/** Where the words after a grade certainly stop naming areas. */
const PHRASE_END = /[;.!?]|\s(?:but|while|whereas|although|because|though)\s|\s[–—]\s|\s-\s/i;
/** Where an area the vocabulary does not know is taken to end. */
const AREA_END = /,\s*(?:and|but|while|whereas|although|with|which|where|as|it|the force|according)\b/i;
/** Between areas of a list: ", ", ", and ", " and ". */
const LIST_SEPARATOR = /\s*,\s*(?:and\s+)?|\s+and\s+/g;
const LEADING_PREPOSITION = /^(?:at|in|for|on|when it comes to)\s+/i;
const QUANTITY = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|all|most|some|many|several|a number|each|every|parts?|places|a few|few|both|these|the remaining|other|its other)\b/i;
const CONTEXT_WORDS = /^(?:this|that|it|this area|that area|these areas|them|doing so|this work)$/i;
const FORCE_LEAD = /^(?:the force['’]s|its|the constabulary['’]s|[\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*)*\s+(?:police|constabulary)['’]s)\s+(?:approach to|work (?:on|in)|performance (?:in|at|on)|ability to)?\s*/iu;
/** A single-pillar report's question in short: "keeping people safe and reducing crime". */
const KEEPING_SAFE = /^(?:(?:in|at)\s+)?(?:how (?:well )?(?:it|the force)\s+)?keep(?:s|ing)? (?:people|the public|communities) safe and reduc(?:e|es|ing) crime$/i;
const PILLAR_NOUN = /\b(effectiveness|effectively|efficiency|efficiently|legitimacy|legitimately|legitimate|effective|efficient)\b/i;

export interface SentenceContext {
  /** A single-pillar document's pillar: its "overall" grade is that pillar's. */
  pillar: string | null;
  /** The period the document is about: a sentence about an earlier year is history, not a judgment. */
  period: string | null;
}

/**
 * Grades stated in sentences and bullets, as press releases, PCC and news pages and committee minutes give
 * them: "is 'good' at preventing crime", "'requires improvement' at investigating crime and reducing
 * re-offending", "has been assessed as good in the legitimacy with which it keeps people safe",
 * "performance within the 'developing a positive workforce' category required improvement", "… effectiveness
 * at keeping people safe and reducing crime is good", "We judged it to be good." (the area is the heading
 * above). A list of areas after one grade is split where every part is an area the vocabulary knows.
 * Sentences about an earlier year, the grading scale, or what a grade used to be are skipped.
 */
export function readSentenceJudgments(lines: Line[], anchor: Anchorer, context: SentenceContext): ExtractedJudgment[] {
  const out: ExtractedJudgment[] = [];
  const firstYear = Number(/(?:19|20)\d{2}/.exec(context.period ?? '')?.[0] ?? NaN);
  let heading: Line | null = null;
  let listed: Grade | null = null;
  for (const line of lines) {
    if (line.cells.length > 0) continue;
    // "The force was judged to be good in the following areas:" and the areas as bullets after it.
    if (listed && line.bullet) {
      const area = line.text.replace(/[;,.]\s*(?:and|or)?$/i, '').trim();
      const known = knownAreas(area);
      for (const part of known ?? (area.split(/\s+/).length <= 12 ? [area] : [])) {
        const range = anchor(line.start, line.end);
        out.push({ ...judgment(pillarNamed(part), pillarNamed(part) ? null : officialName(part, context), listed, known ? 0.9 : 0.7, range), foundBy: 'list' });
      }
      continue;
    }
    listed = listLead(line.text);
    if (listed) continue;
    const raw = maskInline(anchor(line.start, line.end).quote);
    for (const sentence of sentencesOf(raw)) {
      if (SCALE.test(sentence.text)) continue;
      out.push(...judgmentsIn(sentence.text, line.start + sentence.start, line, heading, context, anchor, firstYear));
    }
    if (line.heading !== null || (isHeadingLike(line) && !gradeFromWords(line.text))) heading = line;
  }
  return out;
}

const LIST_LEAD = new RegExp(String.raw`${Q}\b(${GRADE_WORDS})\b${Q}\s*(?:(?:at|in|for)(?:\s+(?:the following(?: areas?(?: of policing)?)?|these areas?|(?:\w+\s+)?areas?(?: of policing)?))?)?\s*:$`, 'i');

/** A line that gives one grade to the areas listed after it, cued as a statement of a grade. */
function listLead(text: string): Grade | null {
  const match = LIST_LEAD.exec(text);
  if (!match?.[1]) return null;
  const before = text.slice(0, match.index);
  return CUE.test(before) || /^requir/i.test(match[1]) ? gradeFromWords(match[1]) : null;
}

interface Sentence {
  text: string;
  start: number;
}

function sentencesOf(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /[.!?]["”’']?\s+(?=["“‘']?[A-Z])/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[0].trimEnd().length;
    out.push({ text: text.slice(start, end), start });
    start = (match.index ?? 0) + match[0].length;
  }
  if (start < text.length) out.push({ text: text.slice(start), start });
  return out;
}

/** What a sentence says before a grade places it in the past: "In 2017, we judged …", "previously graded …". */
function isHistory(before: string, firstYear: number): boolean {
  if (/\b(?:previous(?:ly)?|last (?:inspection|year|time)|at (?:our|the) last|in the past|used to be|formerly)\b/i.test(before)) return true;
  if (!firstYear) return false;
  for (const match of before.matchAll(/\b((?:19|20)\d{2})\b/g)) if (Number(match[1]) < firstYear) return true;
  return false;
}

function judgmentsIn(
  sentence: string,
  offset: number,
  line: Line,
  heading: Line | null,
  context: SentenceContext,
  anchor: Anchorer,
  firstYear: number,
): ExtractedJudgment[] {
  const found: ExtractedJudgment[] = [];
  const occurrences = [...sentence.matchAll(OCCURRENCE)];
  let clauseStart = 0;
  let accepted = false;
  const range = anchor(offset + (sentence.length - sentence.trimStart().length), offset + sentence.trimEnd().length);
  occurrences.forEach((occurrence, k) => {
    const at = occurrence.index ?? 0;
    const grade = gradeFromWords(occurrence[1] ?? '');
    const before = sentence.slice(clauseStart, at);
    const afterStart = at + occurrence[0].length;
    const next = occurrences[k + 1];
    const after = sentence.slice(afterStart, next ? next.index : sentence.length);
    clauseStart = afterStart;
    if (!grade || NEGATED.test(before) || isHistory(sentence.slice(0, at), firstYear)) return;
    const wasAccepted = accepted;
    const verbal = /^requir(?:es|ed)\s+improvement/i.test(occurrence[1] ?? '');
    const cued = CUE.test(before) || verbal || (wasAccepted && CONTINUES_LIST.test(before)) || (line.bullet && !before.trim());
    // A grade stated for "three areas" is still a statement: the next grade in the list may name its area.
    if (cued) accepted = true;
    const quoted = /^["'‘’“”]/.test(occurrence[0]);
    const explicit = /\b(?:judged|graded|rated|assessed|grade|judg(?:e)?ment|rating)\b/i.test(sentence) || quoted;
    const forward = AREA_AFTER.exec(after);
    if (forward && (cued || quoted)) {
      const phrase = after.slice(forward[0].length);
      const end = PHRASE_END.exec(phrase);
      const area = phrase.slice(0, end ? end.index : phrase.length).replace(/[\s,;]+(?:and|or)?\s*$/i, '').trim();
      const made = fromArea(area, grade, line, heading, context, explicit, range, false, before);
      if (made.length > 0) {
        found.push(...made);
        accepted = true;
      }
      return;
    }
    if (!cued && !verbal) return;
    const subject = subjectOf(before);
    const made = subject
      ? fromArea(subject, grade, line, heading, context, explicit, range, true)
      : /\boverall\b/i.test(sentence)
        ? [judgment(context.pillar, null, grade, explicit ? 0.85 : 0.75, range)]
        : fromContext(before + after, grade, heading, explicit, range);
    if (made.length > 0) {
      found.push(...made);
      accepted = true;
    }
  });
  return found;
}

function judgment(pillar: string | null, question: string | null, grade: Grade, confidence: number, range: ExtractedJudgment['anchor']): ExtractedJudgment {
  return { pillar, question, grade, lastInspected: null, anchor: range, foundBy: 'sentence', confidence };
}

/** The area a grade is "at": a pillar, a list of known areas, one area, or the heading above ("at this"). */
function fromArea(
  text: string,
  grade: Grade,
  line: Line,
  heading: Line | null,
  context: SentenceContext,
  explicit: boolean,
  range: ExtractedJudgment['anchor'],
  subject = false,
  before = '',
): ExtractedJudgment[] {
  let area = text.replace(FORCE_LEAD, '').replace(/^(?:how (?:well )?(?:it|the force)\s+)/i, '').trim();
  // "requires improvement in three areas: investigating crime, …" names its areas after the colon.
  area = area.replace(/^(?:the\s+)?(?:following\s+)?(?:\w+\s+)?(?:areas?|aspects?)(?:\s+of\s+policing)?\s*(?:[:–—]|\bof\b)\s*/i, '');
  if (!area) return [];
  if (CONTEXT_WORDS.test(area)) return fromContext('it', grade, heading, explicit, range);
  const pillar = pillarOf(area);
  if (pillar) return [judgment(pillar, null, grade, 0.85, range)];
  if (KEEPING_SAFE.test(area)) return context.pillar ? [judgment(context.pillar, null, grade, 0.8, range)] : [];
  if (QUANTITY.test(area)) return [];
  const known = knownAreas(area);
  if (known) {
    return known.map((part) => {
      const ofPillar = pillarNamed(part);
      if (ofPillar) return judgment(ofPillar, null, grade, 0.85, range);
      return judgment(null, officialName(part, context), grade, judgmentConfidence('sentence', true), range);
    });
  }
  const end = AREA_END.exec(area);
  const unknown = area.slice(0, end ? end.index : area.length).trim();
  const words = unknown.split(/\s+/).length;
  if (subject || words < 2 || words > 16) return [];
  // An area the vocabulary does not know counts only when the force is what the sentence grades.
  if (!line.bullet && !explicit && !/\b(?:the force|it|the constabulary|police|constabulary)\b/i.test(before)) return [];
  return [judgment(null, areaName(unknown), grade, explicit || line.bullet ? 0.65 : 0.6, range)];
}

/**
 * The areas a phrase names, when it is one area or a list of them that the vocabulary knows: the most
 * areas, each distinct, that cover it ("investigating crime and managing offenders and suspects" is two, the
 * second a 2021/22 name); a name some cycle used whole ("preventing crime and tackling anti-social
 * behaviour") stays whole. A list followed by other words keeps its known start.
 */
function knownAreas(phrase: string): string[] | null {
  if (isAreaName(phrase)) return [phrase];
  const cuts: Array<{ start: number; end: number }> = [];
  for (const match of phrase.matchAll(LIST_SEPARATOR)) cuts.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  if (cuts.length > 10) return isKnownArea(phrase) ? [phrase] : null;
  for (let last = cuts.length; last >= 0; last -= 1) {
    // The phrase up to cut `last` (all of it first), split at every subset of the cuts before it.
    const stop = last === cuts.length ? phrase.length : cuts[last]!.start;
    let best: string[] | null = null;
    let bestExact = -1;
    for (let mask = 0; mask < 1 << last; mask += 1) {
      const segments: string[] = [];
      let from = 0;
      for (let c = 0; c < last; c += 1) {
        if (!(mask & (1 << c))) continue;
        segments.push(phrase.slice(from, cuts[c]!.start));
        from = cuts[c]!.end;
      }
      segments.push(phrase.slice(from, stop));
      const cleaned = segments.map((seg) => seg.replace(LEADING_PREPOSITION, '').trim());
      if (cleaned.some((seg) => !seg || !isAreaPhrase(seg))) continue;
      if (new Set(cleaned.map(questionKey)).size !== cleaned.length) continue;
      const exact = cleaned.filter(isAreaName).length;
      if (!best || cleaned.length > best.length || (cleaned.length === best.length && exact > bestExact)) {
        best = cleaned;
        bestExact = exact;
      }
    }
    if (best) return best;
  }
  return null;
}

/** A name some cycle used, or a short phrase the vocabulary places: not a clause that happens to mention an area. */
function isAreaPhrase(segment: string): boolean {
  return isAreaName(segment) || (isKnownArea(segment) && segment.split(/\s+/).length <= 12 && !/[,;:()]/.test(segment));
}

/** A known area stated in a sentence is named as the report's cycle names it ("investigates crime" → "Investigating crime"). */
function officialName(phrase: string, context: SentenceContext): string {
  if (isAreaName(phrase)) return areaName(phrase);
  const key = questionKey(phrase);
  const cycle = cycleOfPeriod(context.period);
  return (cycle ? nameInCycle(key, cycle) : null) ?? areaName(phrase);
}

/** "effectiveness", "the legitimacy with which it keeps people safe", "how legitimately it keeps people safe". */
function pillarOf(area: string): string | null {
  const named = pillarHeading(area) ?? pillarQuestion(area);
  if (named) return named;
  const word = PILLAR_NOUN.exec(area)?.[1];
  if (!word) return null;
  const rest = area.replace(PILLAR_NOUN, '');
  // "legitimately keeping people safe", "the legitimacy with which it keeps people safe and reduces crime".
  if (/\b(?:keep(?:s|ing)? (?:people|the public|communities) safe|reduc(?:e|es|ing) crime|with which|respect of)\b/i.test(rest) || rest.trim().split(/\s+/).length <= 3) {
    return pillarFromWord(word);
  }
  return null;
}

/** The area named before the grade: a quoted category, a pillar, or an area the vocabulary knows. */
function subjectOf(before: string): string | null {
  const quoted = /(?:within|in|for|under|of)\s+(?:the\s+)?["'‘“]([^"'’”]{3,90})["'’”]/i.exec(before);
  if (quoted?.[1]) return quoted[1];
  const clause = before.replace(CUE, '').split(/[,;:]|\bthat\b/).pop()?.trim() ?? '';
  if (pillarOf(clause)) return clause;
  const safe = clause.replace(FORCE_LEAD, '').replace(/^(?:performance|work)\s+(?:in|at|on)\s+/i, '');
  if (KEEPING_SAFE.test(safe)) return safe;
  const stripped = clause.replace(FORCE_LEAD, '').replace(/^(?:the|its|our|their)\s+/i, '');
  if (stripped && isKnownArea(stripped) && stripped.split(/\s+/).length <= 12) return stripped;
  return null;
}

/** "We judged it to be good." — the area is the heading the sentence sits under, when the vocabulary knows it. */
function fromContext(text: string, grade: Grade, heading: Line | null, explicit: boolean, range: ExtractedJudgment['anchor']): ExtractedJudgment[] {
  if (!heading || !/\b(?:it|this|that|them)\b/i.test(text)) return [];
  const pillar = pillarHeading(heading.text) ?? pillarQuestion(heading.text);
  if (pillar) return [judgment(pillar, null, grade, explicit ? 0.8 : 0.7, range)];
  if (!isKnownArea(heading.text)) return [];
  return [judgment(null, areaName(heading.text), grade, explicit ? 0.8 : 0.7, range)];
}
