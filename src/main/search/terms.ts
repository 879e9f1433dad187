import { STOP_WORDS } from '../../shared/domain/text-terms';

/**
 * "Force" is in nearly every sentence of an inspection report ("The force should …"): it tells documents
 * apart no better than "the", and scoring its tens of thousands of documents would make every search slow.
 */
const INDEX_STOP_WORDS = new Set(['force', 'forces']);

/** Word splitting: runs of anything but white space and punctuation (as minisearch splits). */
export const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

const DIACRITICS = /[\u0300-\u036f]/g;

/** Lower case, accents dropped ("Zoë" → "zoe"). */
export function normalise(token: string): string {
  const t = token.toLowerCase();
  return /[^ -~]/.test(t) ? t.normalize('NFD').replace(DIACRITICS, '') : t;
}

/** The indexed form of a word, or null for stop words and stray letters. */
export function processTerm(token: string): string | null {
  const t = normalise(token);
  if (STOP_WORDS.has(t) || INDEX_STOP_WORDS.has(t)) return null;
  if (t.length === 1 && !/\d/.test(t)) return null;
  return t;
}

/** Reports repeat their words: the processed form of each token seen recently is kept. */
const seen = new Map<string, string | null>();
const SEEN_LIMIT = 20_000;

function processCached(token: string): string | null {
  let term = seen.get(token);
  if (term === undefined) {
    if (seen.size >= SEEN_LIMIT) seen.clear();
    term = processTerm(token);
    seen.set(token, term);
  }
  return term;
}

/**
 * Adds each indexed word of `text` to `counts`, `weight` times per occurrence; returns how many words
 * were counted. The one place text is tokenised for the index.
 */
export function countTerms(text: string, weight: number, counts: Map<string, number>): number {
  if (!text) return 0;
  let n = 0;
  for (const token of text.split(SPACE_OR_PUNCTUATION)) {
    if (!token) continue;
    const term = processCached(token);
    if (!term) continue;
    counts.set(term, (counts.get(term) ?? 0) + weight);
    n++;
  }
  return n;
}
