import { forwardRef } from 'react';
import { Button, Caption1, Input, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DismissRegular, SearchRegular } from '@fluentui/react-icons';
import { MAX_MATCHES } from './visible-text';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  input: { flexGrow: 1, minWidth: '10rem', maxWidth: '22rem' },
  count: { minWidth: '7rem', color: tokens.colorNeutralForeground2 },
});

interface Props {
  query: string;
  onQuery: (query: string) => void;
  /** Index of the current match, or -1. */
  current: number;
  total: number;
  onStep: (by: 1 | -1) => void;
  onClose: () => void;
}

export function matchCount(query: string, current: number, total: number): string {
  if (!query.trim()) return '';
  if (total === 0) return 'No matches';
  const of = total >= MAX_MATCHES ? `${MAX_MATCHES.toLocaleString('en-GB')}+` : total.toLocaleString('en-GB');
  return `${(current + 1).toLocaleString('en-GB')} of ${of}`;
}

/** Find in the report (Ctrl+F): Enter and Shift+Enter step through the matches, Escape closes. */
export const FindBar = forwardRef<HTMLInputElement, Props>(function FindBar({ query, onQuery, current, total, onStep, onClose }, ref) {
  const styles = useStyles();
  const none = total === 0;
  return (
    <div className={styles.bar} role="search" aria-label="Find in the report" data-testid="find-bar">
      <Input
        ref={ref}
        className={styles.input}
        size="small"
        contentBefore={<SearchRegular />}
        aria-label="Find in the report"
        placeholder="Find in the report"
        value={query}
        onChange={(_e, d) => onQuery(d.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onStep(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <Caption1 className={styles.count} role="status" aria-live="polite" data-testid="find-count">
        {matchCount(query, current, total)}
      </Caption1>
      <Button size="small" appearance="subtle" icon={<ArrowUpRegular />} aria-label="Previous match (Shift+Enter)" disabled={none} onClick={() => onStep(-1)} />
      <Button size="small" appearance="subtle" icon={<ArrowDownRegular />} aria-label="Next match (Enter)" disabled={none} onClick={() => onStep(1)} />
      <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label="Close find (Escape)" onClick={onClose} />
    </div>
  );
});
