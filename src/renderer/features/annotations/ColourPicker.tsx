import { makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { COLOURS, type Colour } from '../../../shared/domain/notes';
import { HIGHLIGHT_COLOURS } from '../reader/highlight-styles';
import { COLOUR_NAMES } from './colours';

const useStyles = makeStyles({
  swatch: {
    display: 'inline-block',
    width: '14px',
    height: '14px',
    marginRight: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusSmall,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    verticalAlign: 'middle',
  },
});

export function ColourPicker({ value, onChange, labelId }: { value: Colour; onChange: (c: Colour) => void; labelId: string }) {
  const styles = useStyles();
  return (
    <RadioGroup layout="horizontal" value={value} aria-labelledby={labelId} onChange={(_e, d) => onChange(d.value as Colour)}>
      {COLOURS.map((c) => (
        <Radio
          key={c}
          value={c}
          label={
            <>
              <span className={styles.swatch} style={{ backgroundColor: HIGHLIGHT_COLOURS[c] }} aria-hidden />
              {COLOUR_NAMES[c]}
            </>
          }
        />
      ))}
    </RadioGroup>
  );
}
