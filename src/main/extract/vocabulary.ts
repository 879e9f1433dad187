/** The PEEL pillars, and the adverbs/adjectives their top-level questions use ("How effectively does…"). */
export const PILLARS = ['Effectiveness', 'Efficiency', 'Legitimacy', 'Leadership'] as const;

const PILLAR_STEMS: [RegExp, string][] = [
  [/^effective/i, 'Effectiveness'],
  [/^efficien/i, 'Efficiency'],
  [/^legitima/i, 'Legitimacy'],
  [/^leadership/i, 'Leadership'],
];

export function pillarFromWord(word: string): string | null {
  for (const [stem, pillar] of PILLAR_STEMS) if (stem.test(word)) return pillar;
  return null;
}

/** "Effectiveness", "Questions for Legitimacy", "Legitimacy overview" name a pillar; sentences do not. */
export function pillarHeading(text: string): string | null {
  const match = /^(?:questions for |pillar:? )?(effectiveness|efficiency|legitimacy|leadership)(?: (?:overview|summary|questions|pillar))?$/i.exec(text.trim());
  return match?.[1] ? pillarFromWord(match[1]) : null;
}

/** A pillar's overarching question: "How effectively does the force…?", "How legitimate is the force…?". */
export function pillarQuestion(text: string): string | null {
  const match = /^how (effective|effectively|efficient|efficiently|legitimate|legitimately|well led)\b/i.exec(text.trim());
  if (!match?.[1]) return null;
  return match[1].toLowerCase() === 'well led' ? 'Leadership' : pillarFromWord(match[1]);
}

const STOP = new Set(['the', 'of', 'and', 'a', 'an', 'to', 'in', 'for', 'at', 'its', 'it', 'how', 'does', 'do', 'is', 'force', 'well', 'what', 'extent', 'with', 'on', 'by']);

function stems(text: string): Set<string> {
  const words = text.toLowerCase().replace(/[^a-z\s-]/g, ' ').split(/[\s-]+/);
  return new Set(
    words.filter((w) => w && !STOP.has(w)).map((w) => w.replace(/(ment|ing|ly|ed|es|s)$/, '').replace(/(ment|ing)$/, '')),
  );
}

/** Word overlap of two component names, tolerant of "Fair treatment of the public" vs "Treating the public fairly". */
export function nameSimilarity(a: string, b: string): number {
  const left = stems(a);
  const right = stems(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / Math.max(left.size, right.size);
}

export function normaliseForCompare(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

const TITLES =
  /^(?:(?:his|her) majesty'?s?|hm|hmi|hmci|hmicfrs|hmic)?\s*(?:chief\s+)?(?:inspector(?:s)?\s+of\s+(?:constabulary|fire\s*(?:&|and)\s*rescue\s+services)(?:\s+and\s+fire\s*(?:&|and)\s*rescue\s+services)?)?\s*,?\s*/i;

/** "HM Inspector of Constabulary Zoë Billingham" → "Zoë Billingham"; null unless what remains looks like a name. */
export function personName(text: string): string | null {
  const rest = cleanName(text.replace(TITLES, ''));
  return /^(?:(?:Sir|Dame|Dr|Mr|Mrs|Ms|Miss)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3}$/u.test(rest) ? rest : null;
}

function cleanName(text: string): string {
  return text.replace(/[*_:]/g, '').replace(/['’]s$/, '').replace(/\s+/g, ' ').trim();
}
