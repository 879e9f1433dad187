import type { PaperList, PaperModel, Run } from '../../shared/domain/paper-model';

const ROMAN: [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Backslash-escapes what Markdown (pandoc's dialect included) would read as markup. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~^]/g, (c) => `\\${c}`);
}

function inline(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      // Emphasis markers must hug the text, so surrounding spaces go outside them.
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text);
      const [lead, body, trail] = [m?.[1] ?? '', m?.[2] ?? '', m?.[3] ?? ''];
      if (!body) return r.text;
      const marker = (r.bold ? '**' : '') + (r.italic ? '*' : '');
      return `${lead}${marker}${escape(body)}${marker}${trail}`;
    })
    .join('');
}

function list(l: PaperList): string[] {
  const blocks: string[] = [];
  let n = 0;
  for (const group of l.groups) {
    if (group.heading) blocks.push(inline(group.heading));
    const items = group.items.map((item) => {
      n++;
      // Pandoc needs two spaces after a capital-letter marker such as "I." to read it as a list.
      if (l.style === 'roman') return `${toRoman(n)}.  ${inline(item)}`;
      if (l.style === 'bullet') return `- ${inline(item)}`;
      return inline(item);
    });
    if (l.style === 'plain') blocks.push(...items);
    else if (items.length > 0) blocks.push(items.join('\n'));
  }
  return blocks;
}

/** The paper as Markdown (pandoc's dialect): for plain-text preview and as pandoc's input. */
export function renderPaperMarkdown(model: PaperModel): string {
  const { header } = model;
  const blocks: string[] = [
    ...(header.agendaItem ? [`**Agenda Item:** ${escape(header.agendaItem)}`] : []),
    header.strapline.split('\n').map(escape).join('\\\n'),
    `**To:** ${escape(header.to)}`,
    `**From:** ${escape(header.from)}`,
    `**Date:** ${escape(header.date)}`,
    `# ${escape(model.title)}`,
  ];
  for (const section of model.sections) {
    blocks.push(`## ${section.number}. ${escape(section.heading)}`);
    for (const p of section.paragraphs) {
      blocks.push(`${p.key} ${inline(p.runs)}`);
      if (p.list) blocks.push(...list(p.list));
    }
  }
  blocks.push('## Bibliography');
  const cell = (text: string): string => escape(text).replace(/\n/g, ' ');
  blocks.push(
    ['| | |', '|---|---|', ...model.bibliography.map((row) => `| **${cell(row.label)}** | ${cell(row.value)} |`)].join('\n'),
  );
  return `${blocks.join('\n\n')}\n`;
}
