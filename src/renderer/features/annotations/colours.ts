import type { Colour } from '../../../shared/domain/notes';

/** Names read out by screen readers and shown beside each swatch. */
export const COLOUR_NAMES: Record<Colour, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  orange: 'Orange',
};

/** The officer types tags separated by commas. */
export const parseTags = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
