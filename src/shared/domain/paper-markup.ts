import type { Run } from './paper-model';

/**
 * The officer's paragraph text uses a little Markdown: **bold**, *italic*, ***both***, and a backslash to keep
 * an asterisk literal. That is enough for a board paper and survives a plain text box.
 */
export function markupToRuns(text: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let current = '';
  const flush = (): void => {
    if (current) runs.push(format(current, bold, italic));
    current = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      current += text[++i];
    } else if (ch === '*') {
      let stars = 1;
      while (text[i + stars] === '*' && stars < 3) stars++;
      flush();
      if (stars !== 2) italic = !italic;
      if (stars >= 2) bold = !bold;
      i += stars - 1;
    } else {
      current += ch;
    }
  }
  flush();
  return mergeRuns(runs);
}

export function runsToMarkup(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      const text = r.text.replace(/[\\*]/g, (c) => `\\${c}`);
      const marker = (r.bold ? '**' : '') + (r.italic ? '*' : '');
      return text ? `${marker}${text}${[...marker].reverse().join('')}` : '';
    })
    .join('');
}

export function runsToText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Joins neighbouring runs with the same formatting, so builders can append pieces freely. */
export function mergeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = out[out.length - 1];
    if (last && !!last.bold === !!run.bold && !!last.italic === !!run.italic) last.text += run.text;
    else out.push({ ...run });
  }
  return out;
}

function format(text: string, bold: boolean, italic: boolean): Run {
  return { text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) };
}
