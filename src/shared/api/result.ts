import { z } from 'zod';

/** Stable error codes: the UI and the CLI branch on these, so never rename one. */
export const ERROR_CODES = [
  'invalid-input',
  'unknown-call',
  'forbidden',
  'not-found',
  'unsupported-format',
  'too-large',
  'unreadable',
  'save-failed',
  'not-available',
  'internal',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({ code: ErrorCode, message: z.string() });
export type ApiError = z.infer<typeof ApiError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside main and turned into an error value at the transport boundary. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
