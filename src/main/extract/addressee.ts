import { parseDate } from './dates';

/** "By 31 March 2025, " · "Within three months, " · "Immediately, " — a deadline before the subject. */
const DEADLINE_LEAD =
  /^(?:(?:by|before|no later than|not later than)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\s+\d{4}|within\s+(?:\w+|\d+)\s+(?:weeks?|months?|years?)(?:\s+of\s+[^,]{3,60})?|immediately|as soon as possible)\s*,?\s*/i;
const MODAL = /\b(?:should|must|needs? to|is to|are to|will need to|ought to)\b/i;
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18, 'twenty-four': 24 };
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Addressees that are common nouns keep the report's lower case inside a sentence: "chief constables", "forces". */
const COMMON =
  /^(?:all\s+)?(?:chief constables?|forces|police forces|the force|force|police and crime commissioners|pccs|chief officers|custody staff|officers and staff|staff|supervisors|policing)\b/i;

export interface Addressed {
  addressee: string | null;
  due: string | null;
}

/**
 * Whom a finding is addressed to and by when, as its own words (or its lead-in's) say: "By 31 March 2025,
 * chief constables should …" → chief constables, 2025-03-31; "Within three months, the force should:" →
 * the force, three months after publication (null when the publication date is not known). Statements that
 * address nobody ("The force doesn't …") give nulls.
 */
export function addressedIn(text: string, leadIn: string | null, published: string | null): Addressed {
  const own = readAddressed(text, published);
  if (own.addressee || !leadIn) return { addressee: own.addressee, due: own.due ?? (leadIn ? readAddressed(leadIn, published).due : null) };
  const lead = readAddressed(leadIn, published);
  return { addressee: lead.addressee, due: own.due ?? lead.due };
}

/** Openings before the subject: "To address this cause of concern, ", "We recommend that ", "that ". */
const PREAMBLE = /^[,\s]*(?:to [^,]{3,80},\s*|we (?:therefore |also )?recommend(?: that)?[,\s]+|recommendation\s*\d*\s*[:.–-]\s*|that[,\s]+|(?:by|before|no later than)\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\s+\d{4}\s*,?\s*|within\s+\w+\s+(?:weeks?|months?|years?)\s*,?\s*|immediately\s*,?\s*)/i;

function readAddressed(text: string, published: string | null): Addressed {
  let sentence = text.trim();
  const lead = DEADLINE_LEAD.exec(sentence);
  const due = lead ? deadline(lead[0], published) : deadlineInside(sentence, published);
  for (let guard = 0; guard < 5; guard += 1) {
    const preamble = PREAMBLE.exec(sentence);
    if (!preamble) break;
    sentence = sentence.slice(preamble[0].length);
  }
  const modal = MODAL.exec(sentence);
  if (!modal || modal.index === 0) return { addressee: null, due };
  const subject = sentence.slice(0, modal.index).replace(/[,\s]+$/, '').trim();
  const words = subject.split(/\s+/).length;
  if (!subject || words > 30 || /^(?:we|it|this|these|they|there|our|which|who|he|she|i|in|as|when|if)\b/i.test(subject)) return { addressee: null, due };
  return { addressee: COMMON.test(subject) ? lowerFirst(subject) : subject.replace(/^The\s/, 'the '), due };
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function deadline(lead: string, published: string | null): string | null {
  const within = /within\s+(\w+)\s+(weeks?|months?|years?)/i.exec(lead);
  if (within?.[1] && within[2]) {
    const n = Number(within[1]) || NUMBER_WORDS[within[1].toLowerCase()];
    if (!n || !published) return null;
    return addPeriod(published, n, within[2].toLowerCase());
  }
  return dateIn(lead);
}

/** A deadline inside a sentence rather than at its start: "… by 31 March 2025.", "we recommend that within six months …". */
function deadlineInside(sentence: string, published: string | null): string | null {
  const within = /\bwithin\s+\w+\s+(?:weeks?|months?|years?)\b/i.exec(sentence);
  if (within) return deadline(within[0], published);
  const match = /\b(?:by|before|no later than)\s+((?:the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\s+\d{4})\b/.exec(sentence);
  return match?.[1] ? dateIn(match[1]) : null;
}

/** A full date, or a month alone meaning its last day ("By March 2025", "by the end of March 2025"). */
function dateIn(text: string): string | null {
  const full = /(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+)\s+(\d{4})/.exec(text);
  if (full) return parseDate(`${full[1]} ${full[2]} ${full[3]}`);
  const month = /([A-Z][a-z]+)\s+(\d{4})/.exec(text);
  const index = MONTHS.indexOf(month?.[1]?.toLowerCase() ?? '');
  if (!month?.[2] || index < 0) return null;
  const year = Number(month[2]);
  const last = new Date(Date.UTC(year, index + 1, 0)).getUTCDate();
  return `${year}-${String(index + 1).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

function addPeriod(iso: string, n: number, unit: string): string | null {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (unit.startsWith('week')) date.setUTCDate(date.getUTCDate() + n * 7);
  else if (unit.startsWith('month')) {
    const target = new Date(Date.UTC(y, m - 1 + n, 1));
    const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    target.setUTCDate(Math.min(d, last));
    return target.toISOString().slice(0, 10);
  } else date.setUTCFullYear(date.getUTCFullYear() + n);
  return date.toISOString().slice(0, 10);
}

/**
 * A finding the force itself must act on: addressed to it, to all chief constables or to all forces (a
 * thematic's national recommendations), or to nobody in particular in a report about the force.
 */
export function forceMustAct(addressee: string | null | undefined, force: string | null): boolean {
  if (!addressee) return true;
  const a = addressee.toLowerCase();
  if (/\b(?:chief constables?|forces|the force|police forces|chief officers|constabular(?:y|ies))\b/.test(a)) return true;
  return force !== null && a.includes(force.toLowerCase());
}
