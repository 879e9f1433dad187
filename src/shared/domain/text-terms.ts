/** Turns typographic variants into plain text: curly quotes, dashes, HTML and markdown emphasis, accents. */
export function plainText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/[*_#`]+/g, ' ')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[‐‑‒–—]/g, '-');
}

/** Lower-case words; "anti-social" and "re-offending" stay one word, possessives lose their "'s". */
export function words(text: string): string[] {
  return (
    plainText(text)
      .toLowerCase()
      .replace(/(\w)-(\w)/g, '$1$2')
      .replace(/'s\b/g, '')
      .match(/[a-z0-9]+/g) ?? []
  );
}

const SUFFIXES = ['ingly', 'edly', 'ation', 'ance', 'ness', 'ment', 'ing', 'ion', 'ant', 'ed', 'ly'];

/**
 * A light stem: plural and common suffixes trimmed, then cut to seven letters. Truncation is crude but
 * makes "supervisors"/"supervision" and "investigating"/"investigations" meet without a full stemmer.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4) {
    if (w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
    else if (w.endsWith('es') && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
    else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  }
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 4) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // "vetting" → "vett" → "vet"; "planning" → "plan".
  if (/([b-df-hj-np-rtv-z])\1$/.test(w) && !/(ll|ss|ff|zz)$/.test(w)) w = w.slice(0, -1);
  w = w.slice(0, 7);
  if (w.endsWith('y') && w.length > 3) w = `${w.slice(0, -1)}i`;
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Words that carry no meaning for matching findings or questions. */
export const STOP_WORDS = new Set(
  (
    'a about above after again all also an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers him his ' +
    'how i if in into is it its itself just me more most my no nor not now of off on once only or other our out over ' +
    'own same she should so some such than that the their them then there these they this those through to too under ' +
    'until up very was we were what when where which while who whom why will with would you your yours ' +
    'well extent'
  ).split(' '),
);

/** Content-word stems of a text, in order, stop words dropped. */
export function contentStems(text: string, extraStopWords?: ReadonlySet<string>): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w) && !extraStopWords?.has(w))
    .map(stem);
}
