import { contentStems, stem } from './text-terms';

/**
 * A line of the PEEL framework as it has been asked across years: a pillar or a question/component.
 * Ordered as the inspectorate's overall-summary table lists them.
 */
export type CanonicalLine = {
  key: string;
  label: string;
  pillar: 'effectiveness' | 'efficiency' | 'legitimacy';
  kind: 'pillar' | 'question';
};

type Rule = CanonicalLine & { test: (stems: ReadonlySet<string>) => boolean };

const anyOf =
  (...wordList: string[]) =>
  (stems: ReadonlySet<string>): boolean =>
    wordList.some((w) => stems.has(stem(w)));

const allOf =
  (...tests: Array<(stems: ReadonlySet<string>) => boolean>) =>
  (stems: ReadonlySet<string>): boolean =>
    tests.every((t) => t(stems));

const not =
  (test: (stems: ReadonlySet<string>) => boolean) =>
  (stems: ReadonlySet<string>): boolean =>
    !test(stems);

const fairly = anyOf('fair', 'fairness', 'respect', 'treat', 'treatment');
const workforce = anyOf('workforce', 'staff');
const publicPeople = anyOf('public', 'people', 'serves');

/**
 * Question rules, most specific first: "planning for demand in the future" mentions demand but is about
 * planning; "behaves ethically" mentions the workforce but is not about treating it fairly.
 */
const QUESTION_RULES: Rule[] = [
  {
    key: 'legitimacy/ethical-lawful-workforce',
    label: 'Ethical and lawful workforce behaviour',
    pillar: 'legitimacy',
    kind: 'question',
    test: anyOf('ethical', 'ethically', 'lawful', 'lawfully'),
  },
  {
    key: 'legitimacy/fair-treatment-workforce',
    label: 'Fair treatment of the workforce',
    pillar: 'legitimacy',
    kind: 'question',
    test: allOf(fairly, workforce, not(publicPeople)),
  },
  {
    key: 'legitimacy/fair-treatment-public',
    label: 'Fair treatment of the public',
    pillar: 'legitimacy',
    kind: 'question',
    test: allOf(fairly, publicPeople, not(workforce)),
  },
  {
    key: 'efficiency/planning-for-the-future',
    label: 'Planning for the future',
    pillar: 'efficiency',
    kind: 'question',
    test: allOf(anyOf('plan', 'planning'), anyOf('future')),
  },
  {
    key: 'efficiency/meeting-current-demands',
    label: 'Meeting current demands and using resources',
    pillar: 'efficiency',
    kind: 'question',
    test: anyOf('demand', 'demands', 'resources'),
  },
  {
    key: 'effectiveness/armed-policing',
    label: 'Armed policing',
    pillar: 'effectiveness',
    kind: 'question',
    test: (s) => anyOf('armed', 'firearms')(s) || allOf(anyOf('specialist'), anyOf('capabilities'))(s),
  },
  {
    key: 'effectiveness/serious-organised-crime',
    label: 'Tackling serious and organised crime',
    pillar: 'effectiveness',
    kind: 'question',
    test: anyOf('organised', 'organized'),
  },
  {
    key: 'effectiveness/protecting-vulnerable-people',
    label: 'Protecting vulnerable people',
    pillar: 'effectiveness',
    kind: 'question',
    test: anyOf('vulnerable', 'vulnerability'),
  },
  {
    key: 'effectiveness/investigating-crime',
    label: 'Investigating crime',
    pillar: 'effectiveness',
    kind: 'question',
    test: allOf(anyOf('investigating', 'investigation'), anyOf('crime', 'reoffending', 'offending')),
  },
  {
    key: 'effectiveness/preventing-crime',
    label: 'Preventing crime and tackling anti-social behaviour',
    pillar: 'effectiveness',
    kind: 'question',
    test: allOf(anyOf('preventing', 'prevention'), anyOf('crime', 'antisocial')),
  },
];

const PILLARS: Array<CanonicalLine & { words: string[] }> = [
  { key: 'effectiveness', label: 'Effectiveness', pillar: 'effectiveness', kind: 'pillar', words: ['effective'] },
  { key: 'efficiency', label: 'Efficiency', pillar: 'efficiency', kind: 'pillar', words: ['efficient'] },
  { key: 'legitimacy', label: 'Legitimacy', pillar: 'legitimacy', kind: 'pillar', words: ['legitimate'] },
];

/**
 * What a pillar question asks beyond its pillar word: "keeping people safe and reducing crime",
 * "operate … sustainable … services", "treat the public and its workforce".
 */
const PILLAR_PHRASE = new Set(
  ['keeping', 'people', 'safe', 'reducing', 'crime', 'operate', 'sustainable', 'services', 'treat', 'public', 'workforce'].map(
    stem,
  ),
);

const FRAMING_STOP_WORDS = new Set(['force', 'constabulary', 'police', 'policing']);

/** "How well does the force …", "How effective is the force at …", "To what extent does the force …". */
const FRAMING =
  /^\s*(?:how\s+(?:well|good|far|effective(?:ly)?|efficient(?:ly)?|legitimate(?:ly)?)|to\s+what\s+extent)\s+(?:is|are|does|do)\s+(?:the\s+)?force(?:['’]s)?(?:\s+at)?\b/i;

/** The inspectorate's summary-table order, which the rules above cannot follow. */
const TABLE_ORDER = [
  'effectiveness',
  'effectiveness/preventing-crime',
  'effectiveness/investigating-crime',
  'effectiveness/protecting-vulnerable-people',
  'effectiveness/serious-organised-crime',
  'effectiveness/armed-policing',
  'efficiency',
  'efficiency/meeting-current-demands',
  'efficiency/planning-for-the-future',
  'legitimacy',
  'legitimacy/fair-treatment-public',
  'legitimacy/ethical-lawful-workforce',
  'legitimacy/fair-treatment-workforce',
];

/** Pillars first, each followed by its questions, in the order of the inspectorate's summary table. */
export const CANONICAL_LINES: readonly CanonicalLine[] = [...PILLARS, ...QUESTION_RULES]
  .map(({ key, label, pillar, kind }) => ({ key, label, pillar, kind }))
  .sort((a, b) => TABLE_ORDER.indexOf(a.key) - TABLE_ORDER.indexOf(b.key));

const BY_KEY = new Map(CANONICAL_LINES.map((l) => [l.key, l]));

/** The canonical line for a key, or undefined for a key made from text the table does not know. */
export function canonicalLine(key: string): CanonicalLine | undefined {
  return BY_KEY.get(key);
}

/**
 * One key for a question however a year's report words it: the 2016 question "How well does the force
 * ensure that its workforce behaves ethically and lawfully?" and the 2018/19 component "Ethical and lawful
 * workforce behaviour" both give 'legitimacy/ethical-lawful-workforce'. Pillar names and pillar questions
 * give the pillar's key. Anything else gives 'text:' and its content-word stems, so identical wording still meets.
 */
export function questionKey(text: string): string {
  const stems = contentStems(text, FRAMING_STOP_WORDS);
  const set = new Set(stems);
  for (const rule of QUESTION_RULES) if (rule.test(set)) return rule.key;
  for (const pillar of PILLARS) {
    const pillarStems = new Set(pillar.words.map(stem));
    const names = stems.some((s) => pillarStems.has(s));
    const rest = stems.filter((s) => !pillarStems.has(s));
    if (names && rest.every((s) => PILLAR_PHRASE.has(s))) return pillar.key;
  }
  return `text:${contentStems(text.replace(FRAMING, ''), FRAMING_STOP_WORDS).join(' ')}`;
}
