import type { ListGroup, PaperList, Run } from './paper-model';

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

/**
 * A paragraph with its list as one text the officer can edit: the paragraph, then each list group's heading
 * on a line starting "## " and each item on a line starting "- " (the list's numbering or bullets come back
 * from its style). Without a list, the same as runsToMarkup.
 */
export function paragraphToMarkup(runs: readonly Run[], list: PaperList | null): string {
  const lines = [runsToMarkup(runs)];
  if (list) {
    lines.push('');
    for (const group of list.groups) {
      if (group.heading) lines.push(`## ${runsToMarkup(group.heading)}`);
      for (const item of group.items) lines.push(`- ${runsToMarkup(item)}`);
    }
  }
  return lines.join('\n');
}

/**
 * Reads an edited paragraph back: the lines before the first "## " or "- " line are the paragraph; the rest the
 * list, in `derived`'s style (bullets if it had none). Text with no list lines keeps the derived list.
 */
export function markupToParagraph(text: string, derived: PaperList | null): { runs: Run[]; list: PaperList | null } {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((line) => /^\s*(## |[-•] )/.test(line));
  const intro = (first < 0 ? lines : lines.slice(0, first)).map((l) => l.trim()).filter(Boolean).join(' ');
  if (first < 0) return { runs: markupToRuns(intro), list: derived };
  const groups: ListGroup[] = [];
  for (const line of lines.slice(first)) {
    const heading = /^\s*## (.*)$/.exec(line);
    const item = /^\s*[-•] (.*)$/.exec(line);
    if (heading) groups.push({ heading: markupToRuns(heading[1] ?? ''), items: [] });
    else if (item) {
      if (groups.length === 0) groups.push({ heading: null, items: [] });
      groups[groups.length - 1]?.items.push(markupToRuns(item[1] ?? ''));
    } else if (line.trim() && groups.length > 0) {
      // A line that carries on the item above it.
      const group = groups[groups.length - 1] as ListGroup;
      const last = group.items[group.items.length - 1];
      if (last) group.items[group.items.length - 1] = mergeRuns([...last, { text: ' ' }, ...markupToRuns(line.trim())]);
    }
  }
  return { runs: markupToRuns(intro), list: { style: derived?.style ?? 'bullet', groups } };
}
