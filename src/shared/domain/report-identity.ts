import type { Report } from './report';

/**
 * What makes two files the same report: the same kind of document about the same force, programme,
 * period and type, with the same text. The text is compared through a fingerprint of its word
 * sequences, so the PDF, the web page and the Word copy of one report match although their layout,
 * line breaks, page numbers and running headers differ, while two years' reports of one force (which
 * share all their boilerplate headings) do not.
 */

/** Words per shingle: long enough that two reports' shared stock phrases are few, short enough to survive a hyphenated line break. */
const SHINGLE = 4;
/** How many of the smallest shingle hashes the fingerprint keeps (a bottom-k sketch). */
const SKETCH = 128;
const VERSION = 'w4k128';

/** Two texts whose shared shingles cover at least this share of the shorter one are one text laid out differently. */
export const SAME_TEXT = 0.5;
/** Above this the texts are one even when the extracted details disagree (an extractor that misread the period of a PDF). */
export const SAME_TEXT_WHATEVER_DETAILS = 0.9;

export type Fingerprint = { shingles: number; hashes: number[] };

/**
 * The hash of each word of the text, in order: lower-case letters and digits, accents dropped, markup
 * tags skipped, a word broken over two lines by a hyphen ("improve-\nment") joined again, and one- to
 * three-digit numbers (page numbers, footnote marks) left out. One pass by hand: a regular-expression
 * split of a 128 KB report costs ten times as much.
 */
function wordHashes(text: string): number[] {
  const plain = text.normalize('NFKD');
  const out: number[] = [];
  let h = 0x811c9dc5;
  let length = 0;
  let digits = 0;
  const end = () => {
    if (length > 0 && !(digits === length && length <= 3)) out.push(h >>> 0);
    h = 0x811c9dc5;
    length = 0;
    digits = 0;
  };
  for (let i = 0; i < plain.length; i++) {
    let c = plain.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) continue;
    if (c >= 65 && c <= 90) c += 32;
    const letter = c >= 97 && c <= 122;
    const digit = c >= 48 && c <= 57;
    if (letter || digit) {
      h = Math.imul(h ^ c, 0x01000193);
      length++;
      if (digit) digits++;
      continue;
    }
    if (c === 60 /* < */) {
      const close = plain.indexOf('>', i);
      const next = plain.charCodeAt(i + 1);
      if (close > i && close - i < 40 && ((next >= 97 && next <= 122) || (next >= 65 && next <= 90) || next === 47)) {
        end();
        i = close;
        continue;
      }
    }
    if (c === 45 /* - */ && length > 0) {
      let j = i + 1;
      while (plain.charCodeAt(j) === 32 || plain.charCodeAt(j) === 9 || plain.charCodeAt(j) === 13) j++;
      if (plain.charCodeAt(j) === 10) {
        j++;
        while (plain.charCodeAt(j) === 32 || plain.charCodeAt(j) === 9) j++;
        i = j - 1;
        continue;
      }
    }
    end();
  }
  end();
  return out;
}

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The fingerprint of a text: how many distinct shingles it has and the smallest SKETCH of their hashes. */
export function fingerprintText(text: string): Fingerprint {
  const hashes = wordHashes(text);
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE <= hashes.length; i++) {
    let h = 0;
    for (let j = 0; j < SHINGLE; j++) h = mix((h ^ (hashes[i + j] as number)) + j) >>> 0;
    seen.add(h);
  }
  const sorted = Float64Array.from(seen).sort();
  return { shingles: seen.size, hashes: Array.from(sorted.subarray(0, SKETCH)) };
}

/** The fingerprint as stored on a report: "w4k128:<shingles>:<hex hashes>". */
export function encodeFingerprint(fp: Fingerprint): string {
  return `${VERSION}:${fp.shingles}:${fp.hashes.map((h) => h.toString(16).padStart(8, '0')).join('')}`;
}

export function decodeFingerprint(text: string | undefined | null): Fingerprint | null {
  const m = text ? /^w4k128:(\d+):((?:[0-9a-f]{8})*)$/.exec(text) : null;
  if (!m) return null;
  const hex = m[2] ?? '';
  const hashes: number[] = [];
  for (let i = 0; i < hex.length; i += 8) hashes.push(parseInt(hex.slice(i, i + 8), 16));
  return { shingles: Number(m[1]), hashes };
}

export const textFingerprint = (text: string): string => encodeFingerprint(fingerprintText(text));

/**
 * How much two texts share: `jaccard` estimated from the two sketches (the share of the smallest hashes of
 * both that each holds), and `containment`, the share of the shorter text found in the longer, from the
 * estimate and the two shingle counts (a web summary inside a fuller PDF scores high on this).
 */
export function textSimilarity(a: Fingerprint, b: Fingerprint): { jaccard: number; containment: number } {
  if (a.shingles === 0 || b.shingles === 0) return { jaccard: 0, containment: 0 };
  const inA = new Set(a.hashes);
  const inB = new Set(b.hashes);
  const union = [...new Set([...a.hashes, ...b.hashes])].sort((x, y) => x - y).slice(0, SKETCH);
  const both = union.filter((h) => inA.has(h) && inB.has(h)).length;
  const jaccard = both / union.length;
  const shared = (jaccard * (a.shingles + b.shingles)) / (1 + jaccard);
  return { jaccard, containment: Math.min(1, shared / Math.min(a.shingles, b.shingles)) };
}

export type Identity = Pick<Report, 'kind' | 'force' | 'programme' | 'period' | 'inspectionType'>;

const IDENTITY_FIELDS = ['force', 'programme', 'period', 'inspectionType'] as const;

/** "Cambridgeshire Constabulary" and "cambridgeshire police" are one force; "2018/19" and "2018-19" one period. */
function normalised(field: (typeof IDENTITY_FIELDS)[number], value: string | null): string | null {
  if (value === null || value.trim() === '') return null;
  let v = value.toLowerCase().replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
  if (field === 'force') v = v.replace(/\b(constabulary|police|service|force|the|of)\b/g, ' ').replace(/\s+/g, ' ').trim();
  if (field === 'period') v = v.replace(/\s*[/-]\s*/g, '/');
  return v;
}

/** The details on which the two disagree (each known on both sides and different); unknown details agree with anything. */
export function disagreements(a: Identity, b: Identity): string[] {
  const out: string[] = a.kind === b.kind ? [] : ['kind'];
  for (const field of IDENTITY_FIELDS) {
    const x = normalised(field, a[field]);
    const y = normalised(field, b[field]);
    if (x !== null && y !== null && x !== y) out.push(field);
  }
  return out;
}

/**
 * Whether two documents are one report: never across kinds of document; the same details and text that
 * largely coincides, or text that is all but identical whatever the extractor made of the details.
 */
export function isSameReport(a: Identity & { fingerprint?: string }, b: Identity & { fingerprint?: string }): boolean {
  const fa = decodeFingerprint(a.fingerprint);
  const fb = decodeFingerprint(b.fingerprint);
  if (!fa || !fb || a.kind !== b.kind) return false;
  const { containment } = textSimilarity(fa, fb);
  if (containment >= SAME_TEXT_WHATEVER_DETAILS) return true;
  return containment >= SAME_TEXT && disagreements(a, b).length === 0;
}

/** Whether two stored reports are copies or versions of one report, from what is stored (no text read). */
export function areCopies(a: Report, b: Report): boolean {
  if (a.id === b.id) return true;
  const sha = new Set([a.sha256, ...(a.versions ?? []).map((v) => v.sha256)]);
  if (sha.has(b.sha256) || (b.versions ?? []).some((v) => sha.has(v.sha256))) return true;
  return isSameReport(a, b);
}
