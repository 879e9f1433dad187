import { contentStems, stem, words } from './text-terms';

/** The PEEL cycles whose reports name areas differently. */
export const PEEL_CYCLES = ['2014', '2015–2017', '2018/19', '2021/22', '2023–25'] as const;
export type PeelCycle = (typeof PEEL_CYCLES)[number];

export type Pillar = 'effectiveness' | 'efficiency' | 'legitimacy' | 'leadership';

/**
 * A line of the PEEL framework as it has been asked across cycles: a pillar, or a question, component or
 * area. `pillar` is the pillar the area sat under while PEEL had pillars (2014–2018/19), or the one its
 * successor areas descend from; reports from 2021/22 grade areas without pillars.
 */
export type CanonicalLine = {
  key: string;
  label: string;
  pillar: Pillar;
  kind: 'pillar' | 'question';
  /** What each cycle's reports call it, where the cycle graded it. */
  names: ReadonlyArray<{ cycle: PeelCycle; name: string }>;
};

type Test = (stems: ReadonlySet<string>) => boolean;
type Rule = CanonicalLine & { test: Test };

const anyOf = (...wordList: string[]): Test => {
  const wanted = wordList.map(stem);
  return (stems) => wanted.some((w) => stems.has(w));
};

const allOf =
  (...tests: Test[]): Test =>
  (stems) =>
    tests.every((t) => t(stems));

const not =
  (test: Test): Test =>
  (stems) =>
    !test(stems);

const either =
  (...tests: Test[]): Test =>
  (stems) =>
    tests.some((t) => t(stems));

const fairly = anyOf('fair', 'fairness', 'respect', 'treat', 'treatment', 'treating');
const workforce = anyOf('workforce', 'staff');
const publicPeople = anyOf('public', 'people', 'serves');
const preventing = anyOf('preventing', 'prevention', 'prevent', 'deterring');

/**
 * Question and area rules, most specific first: "planning for demand in the future" mentions demand but is
 * about planning; "behaves ethically" mentions the workforce but is not about treating it fairly; the
 * 2021/22 "Preventing … crime …, and reducing vulnerability" is about prevention, not vulnerable people.
 * Each area's names per cycle are matched exactly before any rule runs.
 */
const QUESTION_RULES: Rule[] = [
  {
    key: 'legitimacy/ethical-lawful-workforce',
    label: 'Ethical and lawful workforce behaviour',
    pillar: 'legitimacy',
    kind: 'question',
    names: [
      { cycle: '2015–2017', name: 'How well does the force ensure that its workforce behaves ethically and lawfully?' },
      { cycle: '2018/19', name: 'Ethical and lawful workforce behaviour' },
    ],
    test: anyOf('ethical', 'ethically', 'lawful', 'lawfully'),
  },
  {
    key: 'legitimacy/workforce',
    label: 'Building, supporting and protecting the workforce',
    pillar: 'legitimacy',
    kind: 'question',
    names: [
      { cycle: '2021/22', name: 'Building, supporting and protecting the workforce' },
      { cycle: '2023–25', name: 'Building, supporting and protecting the workforce' },
    ],
    test: allOf(workforce, anyOf('building', 'supporting', 'protecting', 'positive', 'developing', 'wellbeing'), not(fairly)),
  },
  {
    key: 'legitimacy/fair-treatment-workforce',
    label: 'Fair treatment of the workforce',
    pillar: 'legitimacy',
    kind: 'question',
    names: [
      { cycle: '2015–2017', name: 'To what extent does the force treat its workforce with fairness and respect?' },
      { cycle: '2018/19', name: 'Fair treatment of the workforce' },
    ],
    test: allOf(fairly, workforce, not(publicPeople)),
  },
  {
    key: 'legitimacy/fair-treatment-public',
    label: 'Fair treatment of the public',
    pillar: 'legitimacy',
    kind: 'question',
    names: [
      { cycle: '2015–2017', name: 'To what extent does the force treat all of the people it serves with fairness and respect?' },
      { cycle: '2018/19', name: 'Fair treatment of the public' },
      { cycle: '2021/22', name: 'Engaging with and treating the public with fairness and respect' },
      { cycle: '2023–25', name: 'Police powers and public treatment' },
    ],
    test: either(allOf(fairly, publicPeople, not(workforce)), allOf(anyOf('powers'), anyOf('police', 'public'))),
  },
  {
    key: 'efficiency/leadership-force-management',
    label: 'Leadership and force management',
    pillar: 'efficiency',
    kind: 'question',
    names: [
      { cycle: '2021/22', name: 'Strategic planning, organisational management and value for money' },
      { cycle: '2023–25', name: 'Leadership and force management' },
    ],
    test: either(
      allOf(anyOf('leadership'), anyOf('management', 'managing')),
      allOf(anyOf('strategic'), anyOf('planning')),
      allOf(anyOf('organisational'), anyOf('management')),
      allOf(anyOf('value'), anyOf('money')),
    ),
  },
  {
    key: 'efficiency/planning-for-the-future',
    label: 'Planning for the future',
    pillar: 'efficiency',
    kind: 'question',
    names: [
      { cycle: '2015–2017', name: 'How well is the force planning for demand in the future?' },
      { cycle: '2018/19', name: 'Planning for the future' },
    ],
    test: allOf(anyOf('plan', 'planning'), anyOf('future')),
  },
  {
    key: 'efficiency/financial-position',
    label: 'Securing the financial position',
    pillar: 'efficiency',
    kind: 'question',
    names: [
      { cycle: '2014', name: 'To what extent is the force taking the steps necessary to ensure a secure financial position for the short and long term?' },
      { cycle: '2015–2017', name: 'How sustainable is the force’s financial position for the short and long term?' },
    ],
    test: anyOf('financial', 'finances', 'budget'),
  },
  {
    key: 'efficiency/affordable-policing',
    label: 'An affordable way of providing policing',
    pillar: 'efficiency',
    kind: 'question',
    names: [
      { cycle: '2014', name: 'To what extent has the force an affordable way of providing policing?' },
      { cycle: '2015–2017', name: 'How sustainable and affordable is the workforce model?' },
    ],
    test: anyOf('affordable', 'affordably'),
  },
  {
    key: 'efficiency/meeting-current-demands',
    label: 'Meeting current demands and using resources',
    pillar: 'efficiency',
    kind: 'question',
    names: [
      { cycle: '2014', name: 'To what extent is the force efficient in its use of resources?' },
      { cycle: '2015–2017', name: 'How well does the force use its resources to meet its demand?' },
      { cycle: '2018/19', name: 'Meeting current demands and using resources' },
    ],
    test: anyOf('demand', 'demands', 'resources'),
  },
  {
    key: 'effectiveness/armed-policing',
    label: 'Armed policing',
    pillar: 'effectiveness',
    kind: 'question',
    names: [
      { cycle: '2015–2017', name: 'How effective are the force’s specialist capabilities?' },
      { cycle: '2018/19', name: 'Armed response capability' },
    ],
    test: (s) => anyOf('armed', 'firearms')(s) || allOf(anyOf('specialist'), anyOf('capabilities'))(s),
  },
  {
    key: 'effectiveness/serious-organised-crime',
    label: 'Tackling serious and organised crime',
    pillar: 'effectiveness',
    kind: 'question',
    names: [
      { cycle: '2015–2017', name: 'How effective is the force at tackling serious and organised crime?' },
      { cycle: '2018/19', name: 'Tackling serious and organised crime' },
      { cycle: '2021/22', name: 'Disrupting serious organised crime' },
      { cycle: '2023–25', name: 'Disrupting serious organised crime' },
    ],
    test: anyOf('organised', 'organized'),
  },
  {
    key: 'effectiveness/crime-data-integrity',
    label: 'Recording data about crime',
    pillar: 'effectiveness',
    kind: 'question',
    names: [
      { cycle: '2021/22', name: 'Crime data integrity' },
      { cycle: '2023–25', name: 'Recording data about crime' },
    ],
    test: either(allOf(anyOf('recording', 'records', 'record'), anyOf('crime', 'crimes', 'data')), allOf(anyOf('data'), anyOf('integrity'))),
  },
  {
    key: 'effectiveness/victim-service',
    label: 'Providing a service to victims of crime',
    pillar: 'effectiveness',
    kind: 'question',
    names: [{ cycle: '2021/22', name: 'Providing a service to victims of crime' }],
    test: allOf(anyOf('victim', 'victims'), anyOf('service'), not(anyOf('vulnerable', 'vulnerability'))),
  },
  {
    key: 'effectiveness/investigating-crime',
    label: 'Investigating crime',
    pillar: 'effectiveness',
    kind: 'question',
    names: [
      { cycle: '2014', name: 'How effective is the force at investigating offending?' },
      { cycle: '2015–2017', name: 'How effective is the force at investigating crime and reducing re-offending?' },
      { cycle: '2018/19', name: 'Investigating crime' },
      { cycle: '2021/22', name: 'Investigating crime' },
      { cycle: '2023–25', name: 'Investigating crime' },
    ],
    test: allOf(anyOf('investigating', 'investigation', 'investigations', 'investigate', 'investigates'), anyOf('crime', 'crimes', 'reoffending', 'offending')),
  },
  {
    key: 'effectiveness/managing-offenders',
    label: 'Managing offenders',
    pillar: 'effectiveness',
    kind: 'question',
    names: [
      { cycle: '2021/22', name: 'Managing offenders and suspects' },
      { cycle: '2023–25', name: 'Managing offenders' },
    ],
    test: allOf(anyOf('managing', 'management', 'manage', 'manages'), anyOf('offenders', 'suspects')),
  },
  {
    key: 'effectiveness/preventing-crime',
    label: 'Preventing crime and tackling anti-social behaviour',
    pillar: 'effectiveness',
    kind: 'question',
    names: [
      { cycle: '2014', name: 'How effective is the force at reducing crime and preventing offending?' },
      { cycle: '2015–2017', name: 'How effective is the force at preventing crime, tackling anti-social behaviour and keeping people safe?' },
      { cycle: '2018/19', name: 'Preventing crime and tackling anti-social behaviour' },
      { cycle: '2021/22', name: 'Preventing and deterring crime and anti-social behaviour, and reducing vulnerability' },
      { cycle: '2023–25', name: 'Preventing crime' },
    ],
    test: allOf(preventing, anyOf('crime', 'antisocial', 'offending')),
  },
  {
    key: 'effectiveness/protecting-vulnerable-people',
    label: 'Protecting vulnerable people',
    pillar: 'effectiveness',
    kind: 'question',
    names: [
      { cycle: '2015–2017', name: 'How effective is the force at protecting those who are vulnerable from harm, and supporting victims?' },
      { cycle: '2018/19', name: 'Protecting vulnerable people' },
      { cycle: '2021/22', name: 'Protecting vulnerable people' },
      { cycle: '2023–25', name: 'Protecting vulnerable people' },
    ],
    test: anyOf('vulnerable', 'vulnerability'),
  },
  {
    key: 'effectiveness/anti-social-behaviour',
    label: 'Tackling anti-social behaviour',
    pillar: 'effectiveness',
    kind: 'question',
    names: [{ cycle: '2014', name: 'How effective is the force at tackling anti-social behaviour?' }],
    test: allOf(anyOf('antisocial'), not(preventing)),
  },
  {
    key: 'effectiveness/responding-to-the-public',
    label: 'Responding to the public',
    pillar: 'effectiveness',
    kind: 'question',
    names: [
      { cycle: '2021/22', name: 'Responding to the public' },
      { cycle: '2023–25', name: 'Responding to the public' },
    ],
    test: allOf(anyOf('responding', 'respond', 'response', 'responds'), anyOf('public', 'calls', 'emergency')),
  },
];

const PILLARS: Array<CanonicalLine & { words: string[] }> = [
  { key: 'effectiveness', label: 'Effectiveness', pillar: 'effectiveness', kind: 'pillar', words: ['effective'], names: pillarNames('effectiveness') },
  { key: 'efficiency', label: 'Efficiency', pillar: 'efficiency', kind: 'pillar', words: ['efficient'], names: pillarNames('efficiency') },
  { key: 'legitimacy', label: 'Legitimacy', pillar: 'legitimacy', kind: 'pillar', words: ['legitimate'], names: pillarNames('legitimacy') },
  {
    key: 'leadership',
    label: 'Leadership',
    pillar: 'leadership',
    kind: 'pillar',
    words: ['leadership'],
    names: [{ cycle: '2015–2017', name: 'Leadership' }],
  },
];

function pillarNames(pillar: string): CanonicalLine['names'] {
  const name = pillar[0]?.toUpperCase() + pillar.slice(1);
  return [
    { cycle: '2014', name },
    { cycle: '2015–2017', name },
    { cycle: '2018/19', name },
  ];
}

const PILLAR_STEMS = new Map(PILLARS.map((p) => [p.key, new Set(p.words.map(stem))]));

/**
 * What a pillar question asks beyond its pillar word: "keeping people safe and reducing crime",
 * "operate … sustainable … services", "treat the public and its workforce".
 */
const PILLAR_PHRASE = new Set(
  ['keeping', 'people', 'safe', 'reducing', 'crime', 'operate', 'sustainable', 'services', 'treat', 'public', 'workforce', 'overall'].map(stem),
);

const FRAMING_STOP_WORDS = new Set(['force', 'constabulary', 'police', 'policing']);

/** "How well does the force …", "How effective is the force at …", "To what extent does the force …". */
const FRAMING =
  /^\s*(?:how\s+(?:well|good|far|effective(?:ly)?|efficient(?:ly)?|legitimate(?:ly)?)|to\s+what\s+extent)\s+(?:is|are|does|do|has)\s+(?:the\s+)?force(?:['’]s)?(?:\s+at)?\b/i;

/** The inspectorate's summary-table order, which the rules above cannot follow. */
const TABLE_ORDER = [
  'effectiveness',
  'effectiveness/preventing-crime',
  'effectiveness/anti-social-behaviour',
  'effectiveness/responding-to-the-public',
  'effectiveness/investigating-crime',
  'effectiveness/protecting-vulnerable-people',
  'effectiveness/managing-offenders',
  'effectiveness/serious-organised-crime',
  'effectiveness/armed-policing',
  'effectiveness/victim-service',
  'effectiveness/crime-data-integrity',
  'efficiency',
  'efficiency/meeting-current-demands',
  'efficiency/planning-for-the-future',
  'efficiency/financial-position',
  'efficiency/affordable-policing',
  'efficiency/leadership-force-management',
  'legitimacy',
  'legitimacy/fair-treatment-public',
  'legitimacy/ethical-lawful-workforce',
  'legitimacy/fair-treatment-workforce',
  'legitimacy/workforce',
  'leadership',
];

/** Pillars first, each followed by its questions, in the order of the inspectorate's summary table. */
export const CANONICAL_LINES: readonly CanonicalLine[] = [...PILLARS, ...QUESTION_RULES]
  .map(({ key, label, pillar, kind, names }) => ({ key, label, pillar, kind, names }))
  .sort((a, b) => TABLE_ORDER.indexOf(a.key) - TABLE_ORDER.indexOf(b.key));

const BY_KEY = new Map(CANONICAL_LINES.map((l) => [l.key, l]));

const exactName = (text: string): string => words(text.replace(FRAMING, '')).join(' ');

/** Every cycle's name for every line, so a report's own wording is recognised before any rule is tried. */
const BY_NAME = new Map<string, string>();
for (const line of CANONICAL_LINES) for (const { name } of line.names) BY_NAME.set(exactName(name), line.key);

/** The canonical line for a key, or undefined for a key made from text the table does not know. */
export function canonicalLine(key: string): CanonicalLine | undefined {
  return BY_KEY.get(key);
}

/** The name an area had in a cycle, e.g. the 2021/22 name of the 2023–25 "Police powers and public treatment". */
export function nameInCycle(key: string, cycle: PeelCycle): string | null {
  return canonicalLine(key)?.names.find((n) => n.cycle === cycle)?.name ?? null;
}

/** The PEEL cycle a period falls in: "2016" → 2015–2017, "2021/22" → 2021/22, "2023–2025" → 2023–25. */
export function cycleOfPeriod(period: string | null | undefined): PeelCycle | null {
  const year = Number(/(?:19|20)\d{2}/.exec(period ?? '')?.[0] ?? NaN);
  if (!year) return null;
  if (year <= 2014) return '2014';
  if (year <= 2017) return '2015–2017';
  if (year <= 2020) return '2018/19';
  if (year <= 2022) return '2021/22';
  return '2023–25';
}

/**
 * One key for a question or area however a year's report words it: the 2016 question "How well does the
 * force ensure that its workforce behaves ethically and lawfully?" and the 2018/19 component "Ethical and
 * lawful workforce behaviour" both give 'legitimacy/ethical-lawful-workforce'; the 2018/19 "Investigating
 * crime" and the 2014 "How effective is the force at investigating offending?" share theirs. Pillar names and
 * pillar questions give the pillar's key. Anything else gives 'text:' and its content-word stems, so
 * identical wording still meets.
 */
export function questionKey(text: string): string {
  const cached = KEYS.get(text);
  if (cached !== undefined) return cached;
  const key = keyOf(text);
  // Reports repeat the same few names many times; a bounded memo keeps extraction of a long report fast.
  if (KEYS.size > 5000) KEYS.clear();
  KEYS.set(text, key);
  return key;
}

const KEYS = new Map<string, string>();

function keyOf(text: string): string {
  const exact = BY_NAME.get(exactName(text));
  if (exact) return exact;
  const stems = contentStems(text, FRAMING_STOP_WORDS);
  const set = new Set(stems);
  for (const rule of QUESTION_RULES) if (rule.test(set)) return rule.key;
  for (const pillar of PILLARS) {
    const pillarStems = PILLAR_STEMS.get(pillar.key) ?? new Set<string>();
    const names = stems.some((s) => pillarStems.has(s));
    const rest = stems.filter((s) => !pillarStems.has(s));
    if (names && rest.every((s) => PILLAR_PHRASE.has(s))) return pillar.key;
  }
  return `text:${contentStems(text.replace(FRAMING, ''), FRAMING_STOP_WORDS).join(' ')}`;
}

/** Whether a text is, word for word, a name some cycle gave an area ("Preventing crime and tackling anti-social behaviour"). */
export function isAreaName(text: string): boolean {
  return BY_NAME.has(exactName(text));
}

/** The canonical line a name stands for, or null when the vocabulary does not know it. */
export function knownLine(text: string): CanonicalLine | null {
  return canonicalLine(questionKey(text)) ?? null;
}
