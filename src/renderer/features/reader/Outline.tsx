import { Fragment } from 'react';
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../shared/domain/finding';
import type { Judgment, Quote } from '../../../shared/domain/report';
import { outline } from './outline-model';
import { FindingRow } from './FindingRow';
import { JudgmentLine } from './JudgmentLine';
import { OutlineItem } from './OutlineItem';
import { foundByText, needsCheck } from './found-by';
import { itemsToCheck, ToCheckList, type CheckItem } from './ToCheckList';

const useStyles = makeStyles({
  pillar: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalM },
  question: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, marginLeft: tokens.spacingHorizontalM },
  list: { listStyle: 'none', margin: `0 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`, padding: 0 },
  quotes: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalL },
  speaker: { color: tokens.colorNeutralForeground3 },
});

export interface OutlineHandlers {
  activeId: string | null;
  selected: ReadonlySet<string>;
  onChoose: (id: string) => void;
  onToggle: (id: string, checked: boolean) => void;
  onEditJudgment: (judgment: Judgment) => void;
  onEditFinding: (finding: Finding) => void;
  onRemoveFinding: (finding: Finding) => void;
  /** Confirms an item the extractor was unsure of; resolves with whether it was saved. */
  onMarkChecked: (item: CheckItem) => Promise<boolean>;
}

export function Outline({ judgments, findings, quotes, corrected, handlers }: {
  judgments: Judgment[];
  findings: Finding[];
  quotes: Quote[];
  /** Targets the officer has corrected (`judgment:<id>`, `finding:<id>`): those are checked. */
  corrected: ReadonlySet<string>;
  handlers: OutlineHandlers;
}) {
  const styles = useStyles();
  const { activeId, onChoose, onEditJudgment } = handlers;
  const toCheck = itemsToCheck(judgments, findings, corrected);
  const rows = (list: Finding[]) =>
    list.length > 0 && (
      <ul className={styles.list} aria-label="Findings">
        {list.map((f) => (
          <FindingRow
            key={f.id}
            finding={f}
            current={activeId === f.id}
            note={foundByText(f)}
            check={needsCheck(f, 'finding', corrected)}
            selected={handlers.selected.has(f.id)}
            onChoose={() => onChoose(f.id)}
            onToggle={(checked) => handlers.onToggle(f.id, checked)}
            onEdit={() => handlers.onEditFinding(f)}
            onRemove={() => handlers.onRemoveFinding(f)}
          />
        ))}
      </ul>
    );
  const tree = outline(judgments, findings);
  return (
    <nav aria-label="Outline of the report" data-testid="outline">
      <ToCheckList
        items={toCheck}
        activeId={activeId}
        onChoose={onChoose}
        onEdit={(c) => (c.type === 'judgment' ? onEditJudgment(c.item) : handlers.onEditFinding(c.item))}
        onMarkChecked={handlers.onMarkChecked}
      />
      {tree.length === 0 && <Body1>No judgments or findings were found in this document.</Body1>}
      {tree.map((pillar) => (
        <Fragment key={pillar.pillar ?? '(none)'}>
          <JudgmentLine
            as="h3"
            className={styles.pillar}
            label={pillar.pillar ?? 'Overall and other'}
            judgment={pillar.judgment}
            check={pillar.judgment !== null && needsCheck(pillar.judgment, 'judgment', corrected)}
            current={pillar.judgment !== null && activeId === pillar.judgment.id}
            onChoose={() => pillar.judgment && onChoose(pillar.judgment.id)}
            onEdit={() => pillar.judgment && onEditJudgment(pillar.judgment)}
          />
          {rows(pillar.findings)}
          {pillar.questions.map((q) => (
            <Fragment key={q.question}>
              <JudgmentLine
                as="h4"
                className={styles.question}
                label={q.question}
                judgment={q.judgment}
                check={q.judgment !== null && needsCheck(q.judgment, 'judgment', corrected)}
                current={q.judgment !== null && activeId === q.judgment.id}
                onChoose={() => q.judgment && onChoose(q.judgment.id)}
                onEdit={() => q.judgment && onEditJudgment(q.judgment)}
              />
              {rows(q.findings)}
            </Fragment>
          ))}
        </Fragment>
      ))}
      {quotes.length > 0 && (
        <>
          <h3 className={styles.quotes}>Quotes</h3>
          <ul className={styles.list} aria-label="Quotes">
            {quotes.map((q) => (
              <li key={q.id}>
                <OutlineItem current={activeId === q.id} anchored={q.anchor !== null} onChoose={() => onChoose(q.id)}>
                  {q.speaker && <span className={styles.speaker}>{q.speaker}: </span>}“{q.text}”
                </OutlineItem>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  );
}
