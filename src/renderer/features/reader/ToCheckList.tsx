import { useEffect, useId, useRef, useState } from 'react';
import { Badge, Button, Caption1, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { CheckmarkRegular, EditRegular } from '@fluentui/react-icons';
import type { Finding } from '../../../shared/domain/finding';
import type { Judgment } from '../../../shared/domain/report';
import { FINDING_KIND_SHORT } from '../../finding-labels';
import { foundByText, needsCheck } from './found-by';
import { OutlineItem } from './OutlineItem';

const useStyles = makeStyles({
  box: {
    margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalM}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  intro: { display: 'block', color: tokens.colorNeutralForeground2, marginBottom: tokens.spacingVerticalXS },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  body: { flexGrow: 1, minWidth: 0 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  text: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  how: { color: tokens.colorNeutralForeground2 },
  action: { flexShrink: 0 },
});

export type CheckItem = { type: 'judgment'; item: Judgment } | { type: 'finding'; item: Finding };

/** The items to check, in the order the report gives them. */
export function itemsToCheck(judgments: Judgment[], findings: Finding[], corrected: ReadonlySet<string>): CheckItem[] {
  const items: CheckItem[] = [
    ...judgments.filter((j) => needsCheck(j, 'judgment', corrected)).map((item) => ({ type: 'judgment' as const, item })),
    ...findings.filter((f) => needsCheck(f, 'finding', corrected)).map((item) => ({ type: 'finding' as const, item })),
  ];
  return items.sort((a, b) => (a.item.anchor?.start ?? Infinity) - (b.item.anchor?.start ?? Infinity));
}

const labelOf = (c: CheckItem) =>
  c.type === 'judgment' ? `${c.item.question ?? c.item.pillar ?? 'Overall judgment'}: ${c.item.grade ?? 'not graded'}` : c.item.text;
const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

interface Props {
  items: CheckItem[];
  activeId: string | null;
  onChoose: (id: string) => void;
  onEdit: (item: CheckItem) => void;
  onMarkChecked: (item: CheckItem) => Promise<boolean>;
}

/**
 * "To check": what the extractor was least sure of, listed first in the review. Each shows how it was
 * found; the officer shows it in the source, then corrects it (Edit) or confirms it (Checked).
 */
export function ToCheckList({ items, activeId, onChoose, onEdit, onMarkChecked }: Props) {
  const styles = useStyles();
  const headingId = useId();
  const list = useRef<HTMLElement>(null);
  const [focusNext, setFocusNext] = useState<string | null>(null);

  // After "Checked", focus moves to the next item's button (or the list's heading when it was the last).
  useEffect(() => {
    if (focusNext === null) return;
    const target =
      list.current?.querySelector<HTMLElement>(`[data-check-id="${CSS.escape(focusNext)}"]`) ??
      list.current?.querySelector<HTMLElement>('[data-check-id]') ??
      document.querySelector<HTMLElement>('[data-testid="outline"] button');
    target?.focus();
    setFocusNext(null);
  }, [focusNext, items]);

  if (items.length === 0) return null;
  return (
    <section className={styles.box} aria-labelledby={headingId} data-testid="to-check" ref={list}>
      <h3 id={headingId} className={styles.heading}>
        To check ({items.length})
      </h3>
      <Caption1 className={styles.intro}>Found with less certainty. Show each in the source, then edit it or mark it as checked.</Caption1>
      <ul className={styles.list} aria-labelledby={headingId}>
        {items.map((c, i) => {
          const label = labelOf(c);
          return (
            <li key={c.item.id} className={styles.row} data-testid="to-check-item">
              <div className={styles.body}>
                <OutlineItem current={activeId === c.item.id} anchored={c.item.anchor !== null} onChoose={() => onChoose(c.item.id)}>
                  <span className={styles.badges}>
                    <Badge appearance="tint" color={c.type === 'judgment' ? 'success' : 'warning'} size="small">
                      {c.type === 'judgment' ? 'Grade' : FINDING_KIND_SHORT[c.item.kind]}
                    </Badge>
                    <Caption1 className={styles.how}>{foundByText(c.item)}</Caption1>
                  </span>
                  <span className={styles.text}>{label}</span>
                </OutlineItem>
              </div>
              <Tooltip content="Edit" relationship="description">
                <Button appearance="subtle" size="small" icon={<EditRegular />} aria-label={`Edit: ${shorten(label)}`} onClick={() => onEdit(c)} />
              </Tooltip>
              <Button
                className={styles.action}
                size="small"
                icon={<CheckmarkRegular />}
                data-check-id={c.item.id}
                aria-label={`Mark as checked: ${shorten(label)}`}
                onClick={async () => {
                  const next = items[i + 1] ?? items[i - 1];
                  if (await onMarkChecked(c)) setFocusNext(next?.item.id ?? '');
                }}
              >
                Checked
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
