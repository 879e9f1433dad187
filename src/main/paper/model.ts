/** A stretch of text with one formatting. */
export type Run = { text: string; bold?: boolean; italic?: boolean };

/** plain: indented paragraphs with no marker (the questions in 4.2); roman: I., II., III.; bullet: •. */
export type ListStyle = 'plain' | 'roman' | 'bullet';

/** Items under an optional heading, e.g. the AFIs of one component. Roman numbering runs on across groups. */
export type ListGroup = { heading: Run[] | null; items: Run[][] };

export type PaperList = { style: ListStyle; groups: ListGroup[] };

/**
 * derived: built from the report's data; default: an editable paragraph still holding its default wording;
 * edited: the officer's text from BoardPaper.paragraphs.
 */
export type ParagraphOrigin = 'derived' | 'default' | 'edited';

/**
 * A numbered paragraph. An override replaces the paragraph's own text (runs); any list under it stays derived.
 * `defaultText` is what the paragraph says without an override, in the override markup (**bold**, *italic*),
 * so the editor can show it and revert to it.
 */
export type PaperParagraph = {
  key: string;
  runs: Run[];
  list: PaperList | null;
  origin: ParagraphOrigin;
  /** A paragraph the officer is expected to write or check, rather than one the data fully decides. */
  editable: boolean;
  defaultText: string;
};

export type PaperSection = { number: string; heading: string; paragraphs: PaperParagraph[] };

export type BibliographyRow = { label: string; value: string };

export type PaperHeader = {
  /** The force's strapline; a line break splits it over lines. */
  strapline: string;
  to: string;
  from: string;
  /** In words, e.g. "16 January 2018". */
  date: string;
};

export type PaperModel = {
  header: PaperHeader;
  title: string;
  sections: PaperSection[];
  bibliography: BibliographyRow[];
  /** One sentence for the document's properties. */
  description: string;
  /** The paper's date, ISO 8601. */
  isoDate: string;
};
