/** How a run of visible text is shown. */
export const MARKS = { bold: 1, italic: 2, sup: 4, sub: 8, link: 16, code: 32 } as const;
export type Mark = keyof typeof MARKS;

/**
 * A stretch of the stored text shown exactly as stored: its characters are the characters on screen,
 * so an offset inside a run is an offset of the stored text. Markup (`**`, `<b>`, `[`…`](#)`) falls
 * between runs and is never drawn.
 */
export interface Run {
  start: number;
  end: number;
  /** Bit set of MARKS. */
  marks: number;
}

const HTML_MARK: Record<string, Mark | null> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  cite: 'italic',
  sup: 'sup',
  sub: 'sub',
  a: 'link',
  code: 'code',
};
const HTML_TAG = /<(\/?)(b|strong|i|em|cite|u|sup|sub|span|a|br|small|mark|s|del|ins|font|code)(?:\s[^<>\n]*)?\s*\/?>/gi;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|<>])/g;
const CODE = /`([^`\n]+)`/g;
const LINK = /!?\[([^\]\n]*)\]\(([^()\s]*)(?:\s+"[^"\n]*")?\)/g;
const AUTOLINK = /<((?:https?|mailto):[^<>\s]+)>/g;
const BOLD = /(\*\*|__)(?=\S)([\s\S]*?\S)\1/g;
const ITALIC_STAR = /(?<![*\w\\])\*(?=[^\s*])([^\n*]*?[^\s*\\])\*(?![*\w])/g;
const ITALIC_UNDERSCORE = /(?<![\w\\])_(?=[^\s_])([^\n_]*?[^\s_\\])_(?!\w)/g;

/**
 * The runs of visible text in text[start, end), with their marks. Reads the inline markup the stored
 * texts carry — markdown emphasis, links and escapes, and the few HTML tags PDF-to-markdown converters
 * leave (`<b>`, `<sup>`) — without changing an offset.
 */
export function inlineRuns(text: string, start: number, end: number): Run[] {
  const length = end - start;
  if (length <= 0) return [];
  const source = text.slice(start, end);
  /** 1 = markup, drawn as nothing; 2 = literal, no markup may start or end here. */
  const state = new Uint8Array(length);
  const marks = new Uint8Array(length);
  const hide = (from: number, to: number) => state.fill(1, from, to);
  const mark = (from: number, to: number, m: Mark) => {
    for (let i = from; i < to; i += 1) marks[i] = (marks[i] ?? 0) | MARKS[m];
  };
  const free = (from: number, to: number) => {
    for (let i = from; i < to; i += 1) if (state[i] !== 0) return false;
    return true;
  };
  const each = (pattern: RegExp, fn: (m: RegExpExecArray) => void) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(source); m; m = pattern.exec(source)) fn(m);
  };

  each(CODE, (m) => {
    if (!free(m.index, m.index + m[0].length)) return;
    hide(m.index, m.index + 1);
    hide(m.index + m[0].length - 1, m.index + m[0].length);
    state.fill(2, m.index + 1, m.index + m[0].length - 1);
    mark(m.index + 1, m.index + m[0].length - 1, 'code');
  });
  each(ESCAPE, (m) => {
    if (!free(m.index, m.index + 2)) return;
    hide(m.index, m.index + 1);
    state[m.index + 1] = 2;
  });
  const open = new Map<string, number[]>();
  each(HTML_TAG, (m) => {
    const at = m.index;
    const to = at + m[0].length;
    if (!free(at, to)) return;
    hide(at, to);
    const name = (m[2] ?? '').toLowerCase();
    const kind = HTML_MARK[name];
    if (!kind) return;
    const stack = open.get(name) ?? [];
    if (m[1] === '/') {
      const from = stack.pop();
      if (from !== undefined) mark(from, at, kind);
    } else if (!m[0].endsWith('/>')) {
      stack.push(to);
    }
    open.set(name, stack);
  });
  each(LINK, (m) => {
    const at = m.index;
    const to = at + m[0].length;
    if (!free(at, to)) return;
    const lead = m[0].startsWith('!') ? 2 : 1;
    const textEnd = at + lead + (m[1]?.length ?? 0);
    hide(at, at + lead);
    hide(textEnd, to);
    mark(at + lead, textEnd, 'link');
  });
  each(AUTOLINK, (m) => {
    const at = m.index;
    const to = at + m[0].length;
    if (!free(at, to)) return;
    hide(at, at + 1);
    hide(to - 1, to);
    mark(at + 1, to - 1, 'link');
  });
  const emphasis = (pattern: RegExp, delimiter: (m: RegExpExecArray) => number, kind: Mark) =>
    each(pattern, (m) => {
      const at = m.index;
      const to = at + m[0].length;
      const d = delimiter(m);
      if (!free(at, at + d) || !free(to - d, to)) return;
      if (d === 2 && m[1] === '__' && (/\w/.test(source[at - 1] ?? '') || /\w/.test(source[to] ?? ''))) return;
      hide(at, at + d);
      hide(to - d, to);
      mark(at + d, to - d, kind);
    });
  emphasis(BOLD, () => 2, 'bold');
  emphasis(ITALIC_STAR, () => 1, 'italic');
  emphasis(ITALIC_UNDERSCORE, () => 1, 'italic');

  const runs: Run[] = [];
  let current: Run | null = null;
  for (let i = 0; i < length; i += 1) {
    if (state[i] === 1) {
      current = null;
      continue;
    }
    const m = marks[i] ?? 0;
    if (current && current.marks === m && current.end === start + i) current.end += 1;
    else {
      current = { start: start + i, end: start + i + 1, marks: m };
      runs.push(current);
    }
  }
  return runs;
}
