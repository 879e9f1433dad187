import { z } from 'zod';

/** Tags as the officer types them: trimmed, blanks dropped, each kept once (ignoring case). */
export const Tags = z
  .array(z.string().trim().max(60))
  .max(30)
  .transform((tags) => {
    const seen = new Set<string>();
    return tags.filter((tag) => {
      const key = tag.toLowerCase();
      if (!tag || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  });

/** A note or annotation's text; generous, but bounded so one call cannot fill the disk. */
export const NoteText = z.string().max(100_000);
