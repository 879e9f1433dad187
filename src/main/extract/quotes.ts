import type { DocumentKind, ExtractedQuote } from '../../shared/domain/extraction';
import type { Anchorer } from './anchors';
import { isHeadingLike, type Line } from './lines';
import { personName } from './vocabulary';

const OPENING_QUOTE = /^["“‘']/;

/**
 * Quotes come in three shapes: "<title> <name> said:" followed by quoted paragraphs (press releases); an
 * inspector's observations section signed with a name and title (reports); and a transcript, whose paragraphs
 * are the speech of the person its title names, or of "Name:" speaker turns.
 */
export function readQuotes(lines: Line[], kind: DocumentKind, anchor: Anchorer): ExtractedQuote[] {
  if (kind === 'transcript') return transcriptQuotes(lines, anchor);
  return [...saidQuotes(lines, anchor), ...observationQuotes(lines, anchor)].sort(
    (a, b) => (a.anchor?.start ?? 0) - (b.anchor?.start ?? 0),
  );
}

function quote(speaker: string | null, line: Line, anchor: Anchorer): ExtractedQuote {
  return { speaker, text: line.text.replace(/^["“‘']+/, '').replace(/["”’']+$/, '').trim(), anchor: anchor(line.start, line.end) };
}

function saidQuotes(lines: Line[], anchor: Anchorer): ExtractedQuote[] {
  const quotes: ExtractedQuote[] = [];
  lines.forEach((line, i) => {
    const said = /^(.{3,120}?)\s+(?:said|says|commented|added)\s*:$/i.exec(line.text);
    if (!said?.[1]) return;
    const speaker = personName(said[1]);
    for (let j = i + 1; j < lines.length; j += 1) {
      const next = lines[j];
      if (!next || !OPENING_QUOTE.test(next.text)) break;
      quotes.push(quote(speaker, next, anchor));
    }
  });
  return quotes;
}

function observationQuotes(lines: Line[], anchor: Anchorer): ExtractedQuote[] {
  const quotes: ExtractedQuote[] = [];
  lines.forEach((line, i) => {
    if (!isHeadingLike(line) || !/\binspector['’]?s?['’]?\s+(?:observations|foreword|introduction|overview)\b/i.test(line.text)) return;
    const body: Line[] = [];
    let speaker: string | null = null;
    for (let j = i + 1; j < lines.length; j += 1) {
      const next = lines[j];
      if (!next) break;
      const signed = personName(next.text);
      if (signed && /\binspector\b/i.test(lines[j + 1]?.text ?? '')) {
        speaker = signed;
        break;
      }
      if (isHeadingLike(next)) break;
      body.push(next);
    }
    for (const paragraph of body) quotes.push(quote(speaker, paragraph, anchor));
  });
  return quotes;
}

function transcriptQuotes(lines: Line[], anchor: Anchorer): ExtractedQuote[] {
  const turns = lines.filter((line) => /^[\p{Lu}][\p{L}.'’ -]{1,40}:\s+\S/u.test(line.text));
  if (turns.length >= 2) {
    return turns.map((line) => {
      const colon = line.text.indexOf(':');
      const name = line.text.slice(0, colon).trim();
      const raw = anchor(line.start, line.end).quote;
      const said = raw.indexOf(':') + 1;
      const start = line.start + said + (/^\s*/.exec(raw.slice(said))?.[0].length ?? 0);
      return { speaker: personName(name) ?? name, text: line.text.slice(colon + 1).trim(), anchor: anchor(start, line.end) };
    });
  }
  const titleIndex = lines.findIndex((line) => /\btranscript\b/i.test(line.text));
  const title = lines[titleIndex]?.text ?? '';
  const named = /(?:HMI|HMCI|Inspector(?: of Constabulary)?)\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){1,3}?)(?:'s|’s)?\s+(?:assessment|speech|statement|remarks|interview)/u.exec(title);
  const speaker = named?.[1] ? personName(named[1]) : null;
  return lines
    .slice(titleIndex + 1)
    .filter((line) => !isHeadingLike(line) && line.text.split(' ').length >= 6)
    .map((line) => quote(speaker, line, anchor));
}
