import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { dateInWords } from '../paper/dates';
import { COLOUR_NAMES, type AnnotationExport } from './annotations-export';

/** A report's annotations as a Word document, as Zotero exports notes: each quote, its page, the note, tags, colour and date. */
export async function annotationsDocx(input: AnnotationExport): Promise<Uint8Array> {
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(`Annotations: ${input.reportTitle}`)] }),
    new Paragraph({
      children: [
        new TextRun({
          text: `${input.annotations.length} annotation${input.annotations.length === 1 ? '' : 's'}, exported by ${input.by} on ${dateInWords(input.exportedOn)}.`,
          color: '595959',
        }),
      ],
    }),
  ];
  if (input.annotations.length === 0) children.push(new Paragraph({ text: 'This report has no annotations.' }));
  input.annotations.forEach((a, i) => {
    const where = a.anchor.page === null ? '' : ` (p. ${a.anchor.page})`;
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, spacing: { before: 240 }, text: `Annotation ${i + 1}${where}` }),
      new Paragraph({ indent: { left: 567 }, keepNext: true, children: [new TextRun({ text: `“${a.anchor.quote.replace(/\s+/g, ' ').trim()}”`, italics: true })] }),
    );
    if (a.note.trim()) for (const line of a.note.split(/\r?\n/)) children.push(new Paragraph({ keepNext: true, text: line }));
    const meta = [a.tags.length ? `Tags: ${a.tags.join(', ')}` : 'No tags', `Colour: ${COLOUR_NAMES[a.colour]}`, `Added ${dateInWords(a.createdAt.slice(0, 10))}`];
    children.push(new Paragraph({ children: [new TextRun({ text: meta.join(' · '), size: 18, color: '595959' })] }));
  });
  const doc = new Document({
    title: `Annotations: ${input.reportTitle}`,
    creator: input.by,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 100 } } },
        title: { run: { font: 'Arial', size: 30, bold: true, color: '000000' } },
        heading2: { run: { font: 'Arial', size: 22, bold: true, color: '1F3864' } },
      },
    },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
