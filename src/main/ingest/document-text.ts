import type { PageRange } from '../../shared/domain/anchor';
import type { SourceFormat } from '../../shared/domain/extraction';

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row';

/** A structural block of a marked-up source (HTML, DOCX), as a character range of the text. */
export interface TextBlock {
  kind: BlockKind;
  /** 1–6 for headings, null otherwise. */
  level: number | null;
  start: number;
  end: number;
}

/** A document reduced to text: one block per line group, blank lines between blocks, PDF pages as ranges. */
export interface DocumentText {
  format: SourceFormat;
  text: string;
  pages: PageRange[];
  /** Present when the source marks its structure up (HTML, DOCX) or its layout shows it (PDF: type size, lists, tables). */
  blocks?: TextBlock[];
}
