import { makeStyles, tokens } from '@fluentui/react-components';

/** Background per highlight kind; dark text stays readable on every one of them. */
export const HIGHLIGHT_COLOURS: Record<string, string> = {
  'area-for-improvement': '#fff1c2',
  'cause-of-concern': '#fbd9dc',
  recommendation: '#d6e8fb',
  judgment: '#d9f2d6',
  quote: '#eadcf8',
  yellow: '#fff59d',
  green: '#c8e6c9',
  blue: '#bbdefb',
  pink: '#f8bbd0',
  orange: '#ffe0b2',
  /** A passage opened from a search result. */
  passage: '#e0e7ff',
};

/** Find matches: every match, and the one find is on (Chromium's own find colours, dark text on both). */
export const FIND_COLOURS = { match: '#fff200', current: '#ff9632' } as const;

export const useHighlightStyles = makeStyles({
  mark: {
    color: tokens.colorNeutralForeground1,
    borderRadius: '2px',
    cursor: 'pointer',
  },
  active: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '1px',
    backgroundColor: '#ffe27a',
  },
  findMatch: { boxShadow: `0 0 0 1px ${tokens.colorNeutralStroke1}` },
  findCurrent: { boxShadow: `0 0 0 2px ${tokens.colorNeutralForeground1}` },
});
