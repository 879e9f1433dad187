/**
 * PEEL has renamed its questions over the years; these are the published wordings known to mean the same
 * thing, each mapped to the 2018/19 component name. Keys are already normalised.
 */
const SAME_QUESTION: Record<string, string> = {
  'to what extent does the force treat all of the people it serves with fairness and respect':
    'treating the public fairly',
  'fair treatment of the public': 'treating the public fairly',
  'how well does the force ensure that its workforce behaves ethically and lawfully':
    'ethical and lawful workforce behaviour',
  'to what extent does the force treat its workforce with fairness and respect': 'treating the workforce fairly',
  'fair treatment of the workforce': 'treating the workforce fairly',
  'how effective is the force at preventing crime tackling antisocial behaviour and keeping people safe':
    'preventing crime and tackling antisocial behaviour',
  'preventing crime and antisocial behaviour': 'preventing crime and tackling antisocial behaviour',
  'how effective is the force at investigating crime and reducing reoffending': 'investigating crime',
  'how effective is the force at protecting those who are vulnerable from harm and supporting victims':
    'protecting vulnerable people',
  'how effective is the force at tackling serious and organised crime': 'tackling serious and organised crime',
  'armed policing': 'armed response capability',
  'firearms capability': 'armed response capability',
  'how well does the force use its resources to meet demand': 'meeting current demands and using resources',
  'meeting current demands': 'meeting current demands and using resources',
  'how well is the force planning for demand in the future': 'planning for the future',
};

/** Lower case, apostrophes and hyphens dropped ("anti-social" = "antisocial"), other punctuation a space. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’'‘\-‐]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A key under which the same PEEL question or component matches across reports of different years. */
export function questionKey(text: string): string {
  const key = normalise(text);
  return SAME_QUESTION[key] ?? key;
}
