import { Badge, Button, Checkbox, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { DeleteRegular, EditRegular } from '@fluentui/react-icons';
import type { Finding } from '../../../shared/domain/finding';
import { FINDING_KIND_SHORT } from '../../finding-labels';
import { OutlineItem } from './OutlineItem';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  body: { flexGrow: 1, minWidth: 0 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, marginBottom: '2px', flexWrap: 'wrap', alignItems: 'center' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase100 },
  text: {
    display: '-webkit-box',
    WebkitLineClamp: 3,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
});

const shorten = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export function FindingRow({ finding, current, note, check, selected, onChoose, onToggle, onEdit, onRemove }: {
  finding: Finding;
  current: boolean;
  /** How it was found ("from a list · 95 % sure"). */
  note: string | null;
  /** Listed under "To check". */
  check: boolean;
  selected: boolean;
  onChoose: () => void;
  onToggle: (checked: boolean) => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const styles = useStyles();
  return (
    <li className={styles.row} data-testid="finding-row" data-finding-id={finding.id}>
      <Checkbox checked={selected} onChange={(_e, d) => onToggle(d.checked === true)} aria-label={`Select for merging: ${shorten(finding.text)}`} />
      <div className={styles.body}>
        <OutlineItem current={current} anchored={finding.anchor !== null} onChoose={onChoose}>
          <span className={styles.badges}>
            <Badge appearance="tint" color={finding.kind === 'cause-of-concern' ? 'danger' : finding.kind === 'recommendation' ? 'brand' : 'warning'} size="small">
              {FINDING_KIND_SHORT[finding.kind]}
            </Badge>
            {finding.carriedOver && (
              <Badge appearance="outline" color="informative" size="small">
                Carried over
              </Badge>
            )}
            {finding.manual && (
              <Badge appearance="outline" color="subtle" size="small">
                Added by you
              </Badge>
            )}
            {check && (
              <Badge appearance="filled" color="warning" size="small">
                To check
              </Badge>
            )}
            {note && !finding.manual && <span className={styles.note}>{note}</span>}
          </span>
          <span className={styles.text}>{finding.text}</span>
        </OutlineItem>
      </div>
      <Tooltip content="Edit or split" relationship="description">
        <Button appearance="subtle" size="small" icon={<EditRegular />} aria-label={`Edit finding: ${shorten(finding.text)}`} onClick={onEdit} />
      </Tooltip>
      <Tooltip content="Remove" relationship="description">
        <Button appearance="subtle" size="small" icon={<DeleteRegular />} aria-label={`Remove finding: ${shorten(finding.text)}`} onClick={onRemove} />
      </Tooltip>
    </li>
  );
}
