import { markupToParagraph, mergeRuns, paragraphToMarkup } from './paper-markup';
import type { PaperList, PaperParagraph, Run } from './paper-model';

/** A paragraph as a paper builder derives it, before the officer's wording is laid over it. */
export interface DerivedParagraph {
  key: string;
  runs: Run[];
  list: PaperList | null;
  /** A paragraph the officer is expected to write or check (2.1, 4.3 …), rather than one the data decides. */
  editable: boolean;
  /** What the derived wording is made from, in the warning's words: "the grades", "the areas for improvement". */
  basis?: string;
}

/** The officer's wording of a paper, as stored with it (BoardPaper.paragraphs and .overrideBases, or any paper's equivalent). */
export interface StoredWording {
  paragraphs: Readonly<Record<string, string>>;
  /** For each override, the derived text it was written against. */
  bases?: Readonly<Record<string, string>>;
}

/**
 * Lays the officer's wording over a derived paragraph. Any paragraph of any paper can be overridden; the
 * result says that it is (origin "edited"), keeps the derived text to go back to (defaultText), and warns
 * when the derived text has changed since the override was written ("The grades changed after you edited
 * 4.2."), so an edit made before a correction is not tabled unnoticed.
 */
export function withWording(derived: DerivedParagraph, stored: StoredWording | null): PaperParagraph {
  const { key, runs, list, editable, basis } = derived;
  const defaultText = paragraphToMarkup(runs, list);
  const override = stored?.paragraphs[key];
  const described = basis ? { basis } : {};
  if (override !== undefined && override.trim() !== '' && override !== defaultText) {
    const mine = markupToParagraph(override, list);
    const base = stored?.bases?.[key];
    const stale = base !== undefined && base !== defaultText ? `${capitalise(basis ?? 'the data under it')} changed after you edited ${key}.` : null;
    return { key, runs: mine.runs, list: mine.list, origin: 'edited', editable, defaultText, ...described, stale };
  }
  return { key, runs: mergeRuns(runs), list, origin: editable ? 'default' : 'derived', editable, defaultText, ...described, stale: null };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The stored wording after the officer's changes: an empty text, null or the derived text itself removes an
 * override (so "use the derived text again" and "typed the default back" store the same thing), and each
 * override kept records the derived text it was written against. `defaults` maps each paragraph key to its
 * derived text now; a key it lacks is refused by returning it in `unknown`.
 */
export function applyWordingChanges(
  current: StoredWording,
  changes: Readonly<Record<string, string | null>>,
  defaults: ReadonlyMap<string, string>,
): { paragraphs: Record<string, string>; bases: Record<string, string>; unknown: string[] } {
  const paragraphs = { ...current.paragraphs };
  const bases = { ...(current.bases ?? {}) };
  const unknown: string[] = [];
  for (const [key, text] of Object.entries(changes)) {
    const fallback = defaults.get(key);
    if (fallback === undefined) {
      unknown.push(key);
      continue;
    }
    if (text === null || text.trim() === '' || text === fallback) {
      delete paragraphs[key];
      delete bases[key];
    } else {
      paragraphs[key] = text;
      bases[key] = fallback;
    }
  }
  return { paragraphs, bases, unknown };
}
