import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { FileChild } from 'docx';
import { imageInfo } from './image-size';
import type { PaperList, PaperModel, PaperParagraph, Run } from '../../shared/domain/paper-model';

const FONT = 'Arial';
const NAVY = '1F3864';
/** Twips: the paragraph number hangs in the first 720, the text and lists start there. */
const INDENT = 720;
const ROMAN_LIST = 'paper-roman';
const BULLET_LIST = 'paper-bullet';

const STYLE = {
  strapline: 'Strapline',
  memo: 'MemoLine',
  body: 'PaperBody',
  item: 'PaperItem',
  listItem: 'PaperListItem',
  tableText: 'TableText',
} as const;

function textRuns(runs: readonly Run[]): TextRun[] {
  return runs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic }));
}

function listParagraphs(list: PaperList, instance: number): Paragraph[] {
  const out: Paragraph[] = [];
  for (const group of list.groups) {
    if (group.heading) {
      out.push(new Paragraph({ style: STYLE.item, keepNext: true, spacing: { before: 120 }, children: textRuns(group.heading) }));
    }
    for (const item of group.items) {
      if (list.style === 'plain') {
        out.push(new Paragraph({ style: STYLE.item, children: textRuns(item) }));
      } else {
        out.push(
          new Paragraph({
            style: STYLE.listItem,
            // One instance per list, so every roman list starts at I. and runs on across its group headings.
            numbering: { reference: list.style === 'roman' ? ROMAN_LIST : BULLET_LIST, level: 0, instance },
            children: textRuns(item),
          }),
        );
      }
    }
  }
  return out;
}

/** Numbers are literal text ("4.2") with a hanging indent: the model's house style, and it survives copy and paste. */
function numberedParagraph(p: PaperParagraph): Paragraph {
  return new Paragraph({
    style: STYLE.body,
    tabStops: [{ type: TabStopType.LEFT, position: INDENT }],
    children: [new TextRun({ children: [p.key, new Tab()] }), ...textRuns(p.runs)],
  });
}

function memoLine(label: string, value: string): Paragraph {
  return new Paragraph({
    style: STYLE.memo,
    tabStops: [{ type: TabStopType.LEFT, position: 1134 }],
    children: [new TextRun({ text: label, bold: true }), new TextRun({ children: [new Tab(), value] })],
  });
}

function bibliography(model: PaperModel): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, width: number, bold: boolean): TableCell =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders,
      margins: { top: 80, bottom: 80, left: 100, right: 100 },
      shading: bold ? { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' } : undefined,
      children: text.split('\n').map((line) => new Paragraph({ style: STYLE.tableText, children: [new TextRun({ text: line, bold })] })),
    });
  return new Table({
    width: { size: 9026, type: WidthType.DXA },
    columnWidths: [2600, 6426],
    rows: model.bibliography.map((row) => new TableRow({ cantSplit: true, children: [cell(row.label, 2600, true), cell(row.value, 6426, false)] })),
  });
}

function logoRun(logo: Uint8Array, height: number): ImageRun {
  const info = imageInfo(logo);
  const width = Math.round((info.width / Math.max(info.height, 1)) * height);
  return new ImageRun({ type: info.type, data: logo, transformation: { width, height }, altText: { name: 'Logo', description: 'Force logo', title: 'Logo' } });
}

/** "At least" line spacing: under the document's proportional spacing LibreOffice crops the top off an inline picture. */
const HEADER_SPACING = { after: 0, line: 240, lineRule: LineRuleType.AT_LEAST } as const;

function headers(model: PaperModel, logo: Uint8Array | undefined): { first: Header; default: Header } {
  const first = new Header({
    children: [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: HEADER_SPACING, children: logo ? [logoRun(logo, 48)] : [] })],
  });
  const running = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: HEADER_SPACING,
        children: [
          ...(logo ? [logoRun(logo, 28), new TextRun({ text: '  ' })] : []),
          new TextRun({ text: model.header.strapline.replace(/\s*\n\s*/g, ' '), size: 18, color: NAVY }),
        ],
      }),
    ],
  });
  return { first, default: running };
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 18, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

function body(model: PaperModel): FileChild[] {
  const [firstLine = '', ...moreLines] = model.header.strapline.split('\n');
  const children: FileChild[] = [
    // The board's agenda item, top right as on the force's other papers.
    ...(model.header.agendaItem
      ? [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 120 }, children: [new TextRun({ text: `Agenda Item: ${model.header.agendaItem}`, bold: true })] })]
      : []),
    new Paragraph({
      style: STYLE.strapline,
      children: [new TextRun(firstLine), ...moreLines.map((line) => new TextRun({ text: line, break: 1 }))],
    }),
    memoLine('To:', model.header.to),
    memoLine('From:', model.header.from),
    memoLine('Date:', model.header.date),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
  ];
  let listInstance = 0;
  for (const section of model.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: `${section.number}. ${section.heading}` }));
    for (const p of section.paragraphs) {
      children.push(numberedParagraph(p));
      if (p.list) children.push(...listParagraphs(p.list, ++listInstance));
    }
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'BIBLIOGRAPHY' }), bibliography(model));
  return children;
}

/** The board paper as a Word document with real styles, list numbering, a table, running header and page numbers. */
export async function renderPaperDocx(model: PaperModel, meta: { author: string; logo?: Uint8Array }): Promise<Uint8Array> {
  const doc = new Document({
    title: model.title,
    subject: 'Board paper',
    creator: meta.author,
    lastModifiedBy: meta.author,
    description: model.description,
    styles: {
      default: {
        document: { run: { font: FONT, size: 24, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 120, line: 264 } } },
        title: { run: { font: FONT, size: 28, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 240 } } },
        heading1: {
          run: { font: FONT, size: 24, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
        },
      },
      paragraphStyles: [
        {
          id: STYLE.strapline,
          name: 'Strapline',
          basedOn: 'Normal',
          run: { size: 32, bold: true, color: NAVY },
          paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 360 } },
        },
        {
          id: STYLE.memo,
          name: 'Memo line',
          basedOn: 'Normal',
          paragraph: { spacing: { after: 60 } },
        },
        {
          id: STYLE.body,
          name: 'Paper body',
          basedOn: 'Normal',
          quickFormat: true,
          paragraph: { indent: { left: INDENT, hanging: INDENT }, spacing: { after: 160 } },
        },
        {
          id: STYLE.item,
          name: 'Paper item',
          basedOn: STYLE.body,
          paragraph: { indent: { left: INDENT, hanging: 0 } },
        },
        {
          id: STYLE.listItem,
          name: 'Paper list item',
          basedOn: STYLE.item,
          paragraph: { spacing: { after: 80 } },
        },
        { id: STYLE.tableText, name: 'Table text', basedOn: 'Normal', paragraph: { spacing: { after: 0 } } },
      ],
    },
    numbering: {
      config: [
        {
          reference: ROMAN_LIST,
          levels: [
            {
              level: 0,
              format: LevelFormat.UPPER_ROMAN,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: INDENT * 2, hanging: INDENT } } },
            },
          ],
        },
        {
          reference: BULLET_LIST,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: INDENT * 2, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440, header: 567, footer: 567 } },
        },
        headers: headers(model, meta.logo),
        footers: { first: pageFooter(), default: pageFooter() },
        children: body(model),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
