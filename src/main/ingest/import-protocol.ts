import type { ErrorCode } from '../../shared/api/result';
import type { Extraction } from '../../shared/domain/extraction';
import type { DocumentText } from './document-text';

/** What the main thread sends the import worker. */
export interface WorkerRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
}

/** What the import worker answers: progress, then a result or an error value. */
export interface WorkerReply {
  id: number;
  ready?: true;
  progress?: { done: number; total: number };
  result?: { document: DocumentText; extraction: Extraction };
  error?: { code: ErrorCode; message: string };
}
