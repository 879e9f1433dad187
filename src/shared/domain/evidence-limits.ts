/** The largest evidence file, 64 MB as for imports: the page checks it before reading, main again on receipt. */
export const MAX_EVIDENCE_BYTES = 64 * 1024 * 1024;

/** The file kinds evidence comes in, for the page's file picker. */
export const EVIDENCE_ACCEPT = '.pdf,.docx,.xlsx,.png,.jpg,.jpeg,.gif,.msg,.eml';

/** At most this many files on one finding. */
export const MAX_ATTACHMENTS = 200;
