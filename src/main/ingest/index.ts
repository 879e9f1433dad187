export { readDocument } from './read-document';
export type { BlockKind, DocumentText, TextBlock } from './document-text';
export { IMPORT_LIMITS } from './limits';
