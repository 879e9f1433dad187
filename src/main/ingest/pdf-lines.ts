/** A pdf.js text item reduced to what layout needs; the worker sends these. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  eol: boolean;
}

/** A line that starts a list item rather than continuing the line above. */
const BULLET = /^([•▪◦●‣∙*–-]|\(?[0-9ivxIVX]{1,4}[.)]|[a-z][.)])\s/u;

interface Line {
  y: number;
  size: number;
  text: string;
}

/**
 * Rebuilds a page's text from positioned items: items on one baseline join (a wide gap becomes a tab, as table
 * cells do); wrapped lines of one paragraph join into one line so a bullet or heading is one line whatever its
 * width; a vertical gap clearly larger than the page's usual line spacing becomes a blank line.
 */
export function layoutPage(items: PdfItem[]): string {
  const lines: Line[] = [];
  let current: Line | null = null;
  let lastEnd = 0;
  for (const item of items) {
    const size = item.size || 10;
    if (current && Math.abs(item.y - current.y) > size * 0.5) {
      lines.push(current);
      current = null;
    }
    if (item.str) {
      if (!current) {
        current = { y: item.y, size, text: item.str };
      } else {
        const gap = item.x - lastEnd;
        if (gap > size * 1.5) current.text = `${current.text.trimEnd()}\t${item.str.trimStart()}`;
        else if (gap > size * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.str)) current.text += ` ${item.str}`;
        else current.text += item.str;
        current.size = Math.max(current.size, size);
      }
      lastEnd = item.x + item.width;
    }
    if (item.eol && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return joinLines(lines.filter((line) => line.text.trim()));
}

function joinLines(lines: Line[]): string {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const step = (lines[i - 1]?.y ?? 0) - (lines[i]?.y ?? 0);
    if (step > 0) steps.push(step);
  }
  steps.sort((a, b) => a - b);
  // The tightest common spacing is the body's line spacing; a median would be skewed by pages of short paragraphs.
  const usual = steps[Math.floor(steps.length / 4)] ?? 0;
  let text = '';
  lines.forEach((line, i) => {
    const clean = line.text.replace(/[ \u00a0]+/g, ' ').replace(/ ?\t ?/g, '\t').trim();
    const previous = lines[i - 1];
    if (previous) {
      const step = previous.y - line.y;
      const spacing = Math.max(usual, Math.max(previous.size, line.size) * 1.2);
      const paragraphGap = step < 0 || step > spacing * 1.35;
      const wrapped =
        !paragraphGap &&
        Math.abs(previous.size - line.size) < 1 &&
        !BULLET.test(clean) &&
        !previous.text.includes('\t') &&
        !clean.includes('\t');
      if (paragraphGap) text += '\n\n';
      else if (!wrapped) text += '\n';
      else if (!/\p{L}-$/u.test(text)) text += ' ';
    }
    text += clean;
  });
  return text;
}
