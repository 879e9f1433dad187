import type { Clause, TermIndex } from './term-index';
import { normalise, processTerm, SPACE_OR_PUNCTUATION } from './terms';

/** A query cut into clauses (one per word) over one index's words, for scoring, snippets and passages. */
export interface ParsedQuery {
  clauses: Clause[];
  /** Any word a clause may match, at the start of a word: where a snippet should start. */
  words: RegExp | null;
}

/**
 * A word being typed matches as a prefix from three letters, finished words from four. A short prefix can
 * stand for thousands of documents ("cri…"), so it is expanded to its most common completions only, up
 * to this many documents in all; that keeps every keystroke's search fast.
 */
const PREFIX_DOCUMENT_BUDGET = 8000;
const PREFIX_MAX_TERMS = 40;
/** Completions of a prefix count for less than the word itself. */
const PREFIX_WEIGHT = 0.4;
/** A word within a typo or two counts for less than the word typed (as minisearch weighs fuzzy matches). */
const FUZZY_WEIGHT = 0.45;

/** Typos are forgiven in words of five letters or more: one edit, two from nine letters. */
const fuzzyFor = (term: string): number => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0);

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One clause per word: the word (typos forgiven) or its completions; the word being typed (the last,
 * unless the query ends in a space or punctuation) counts as a prefix. A word that matches nothing still
 * makes a clause, so that "every word" finds nothing and "any word" is tried.
 */
export function parseQuery(query: string, terms: TermIndex): ParsedQuery {
  const tokens = query.split(SPACE_OR_PUNCTUATION).filter(Boolean);
  const typing = !/[\p{Z}\p{P}]$/u.test(query);
  const clauses: Clause[] = [];
  const all = new Set<string>();
  tokens.forEach((token, i) => {
    const last = typing && i === tokens.length - 1;
    const term = processTerm(token);
    // A stop word may be the start of a real one: "off" on the way to "officers".
    const stem = last ? normalise(token) : term;
    const weights = new Map<number, number>();
    const offer = (id: number, weight: number) => weights.set(id, Math.max(weight, weights.get(id) ?? 0));
    if (term) {
      const id = terms.termId(term);
      if (id !== undefined) offer(id, 1);
      const distance = fuzzyFor(term);
      if (distance) for (const [other, d] of terms.fuzzy(term, distance)) offer(other, (FUZZY_WEIGHT * term.length) / (term.length + 0.3 * d));
    }
    const completions = stem && stem.length >= (last ? 3 : 4) ? terms.completions(stem, PREFIX_DOCUMENT_BUDGET, PREFIX_MAX_TERMS) : [];
    for (const id of completions) offer(id, PREFIX_WEIGHT);
    if (!term && completions.length === 0) return;
    const words = [...weights.keys()].map((id) => terms.termOf(id));
    if (term && !words.includes(term)) words.push(term);
    for (const word of words) all.add(word);
    clauses.push({ terms: [...weights].map(([id, weight]) => ({ id, weight })) });
  });
  const pattern = [...all]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  return { clauses, words: pattern ? new RegExp(`\\b(?:${pattern})`) : null };
}

const SNIPPET_LENGTH = 160;

export function shorten(text: string, length: number): string {
  // Only the start is shown: a long text is flattened whole only if its start is mostly white space.
  let flat = text.slice(0, length * 4).replace(/\s+/g, ' ').trim();
  if (flat.length <= length && text.length > length * 4) flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A snippet of `text` starting a little before offset `at` (the first match), with … where it was cut. */
export function snippetAround(text: string, at: number): string {
  if (at <= SNIPPET_LENGTH / 3) return shorten(text, SNIPPET_LENGTH);
  let from = text.lastIndexOf(' ', at - SNIPPET_LENGTH / 3);
  if (from < 0) from = 0;
  return `…${shorten(text.slice(from), SNIPPET_LENGTH)}`;
}
