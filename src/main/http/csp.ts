/**
 * The renderer's Content Security Policy: nothing but the app's own files, no inline or eval'd
 * script, no remote anything. Styles may be inserted at run time (Fluent UI's CSS-in-JS), which
 * needs 'unsafe-inline' for style only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
