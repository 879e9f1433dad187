/**
 * The text of a line with its markup (HTML tags, markdown emphasis, link targets) blanked out by spaces of
 * the same length, so patterns run on what a reader sees and their offsets are still offsets into the text.
 */
export function maskInline(raw: string): string {
  return raw
    .replace(/<\/?[a-z][^>]*>/gi, (tag) => ' '.repeat(tag.length))
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_all, label: string, target: string) => ` ${label}${' '.repeat(target.length + 3)}`)
    .replace(/\*\*|__/g, '  ');
}
