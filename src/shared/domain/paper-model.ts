import { z } from 'zod';

/**
 * The board paper as built from a report: plain JSON, so main renders it to .docx and the renderer shows
 * the same thing as a live preview. Schemas because it crosses the API; nothing here is stored.
 */

/** A stretch of text with one formatting. */
export const Run = z.object({ text: z.string(), bold: z.boolean().optional(), italic: z.boolean().optional() });
export type Run = z.infer<typeof Run>;

/** plain: indented paragraphs with no marker (the questions in 4.2); roman: I., II., III.; bullet: •. */
export const ListStyle = z.enum(['plain', 'roman', 'bullet']);
export type ListStyle = z.infer<typeof ListStyle>;

/** Items under an optional heading, e.g. the AFIs of one component. Roman numbering runs on across groups. */
export const ListGroup = z.object({ heading: z.array(Run).nullable(), items: z.array(z.array(Run)) });
export type ListGroup = z.infer<typeof ListGroup>;

export const PaperList = z.object({ style: ListStyle, groups: z.array(ListGroup) });
export type PaperList = z.infer<typeof PaperList>;

/**
 * derived: built from the report's data; default: an editable paragraph still holding its default wording;
 * edited: the officer's text from BoardPaper.paragraphs.
 */
export const ParagraphOrigin = z.enum(['derived', 'default', 'edited']);
export type ParagraphOrigin = z.infer<typeof ParagraphOrigin>;

/**
 * A numbered paragraph. Any paragraph can be overridden (shared/domain/paper-overrides.ts): the override
 * replaces its text, and its list too when the override has list lines ("- …"); otherwise the list stays
 * derived. `defaultText` is what the paragraph and its list say without an override, in the override markup
 * (**bold**, *italic*, "## " group headings, "- " items), so the editor can show it and revert to it.
 */
export const PaperParagraph = z.object({
  key: z.string(),
  runs: z.array(Run),
  list: PaperList.nullable(),
  origin: ParagraphOrigin,
  /** A paragraph the officer is expected to write or check, rather than one the data fully decides. */
  editable: z.boolean(),
  defaultText: z.string(),
  /** What the derived wording is made from, for the officer ("the grades"). */
  basis: z.string().optional(),
  /**
   * Set when the officer's wording was written against derived text that has changed since: "The grades
   * changed after you edited 4.2." Absent or null otherwise.
   */
  stale: z.string().nullable().optional(),
});
export type PaperParagraph = z.infer<typeof PaperParagraph>;

export const PaperSection = z.object({ number: z.string(), heading: z.string(), paragraphs: z.array(PaperParagraph) });
export type PaperSection = z.infer<typeof PaperSection>;

export const BibliographyRow = z.object({ label: z.string(), value: z.string() });
export type BibliographyRow = z.infer<typeof BibliographyRow>;

export const PaperHeader = z.object({
  /** The force's strapline; a line break splits it over lines. */
  strapline: z.string(),
  to: z.string(),
  from: z.string(),
  /** In words, e.g. "16 January 2018". */
  date: z.string(),
  /** The board's agenda item for the paper ("4.0"), printed as "Agenda Item: 4.0"; absent when not given. */
  agendaItem: z.string().optional(),
});
export type PaperHeader = z.infer<typeof PaperHeader>;

export const PaperModel = z.object({
  header: PaperHeader,
  title: z.string(),
  sections: z.array(PaperSection),
  bibliography: z.array(BibliographyRow),
  /** One sentence for the document's properties. */
  description: z.string(),
  /** The paper's date, ISO 8601. */
  isoDate: z.string(),
});
export type PaperModel = z.infer<typeof PaperModel>;
