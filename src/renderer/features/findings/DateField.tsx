import { Field } from '@fluentui/react-components';
import { BritishDateInput } from '../../components/BritishDateInput';
import { formatDate } from '../../format';

interface Props {
  label: string;
  hint?: string;
  required?: boolean;
  /** ISO date, or null when empty. */
  value: string | null;
  onChange: (iso: string | null) => void;
  /** The earliest and latest dates that make sense (ISO); outside them the field says why. */
  min?: string;
  max?: string;
}

/** Why the date cannot be used, in words; null when it can. */
export function dateProblem(value: string | null, { required, min, max }: Pick<Props, 'required' | 'min' | 'max'>): string | null {
  if (!value) return required ? 'Type or choose a date.' : null;
  if (max && value > max) return `The date is after ${formatDate(max)}.`;
  if (min && value < min) return `The date is before ${formatDate(min)}.`;
  return null;
}

/**
 * A British date field for a form in a dialog. Enter in it takes the typed date; it must not also submit the
 * form, which would send the date the field held before.
 */
export function DateField({ label, hint, required, value, onChange, min, max }: Props) {
  const problem = dateProblem(value, { required, min, max });
  return (
    <Field label={label} hint={hint} required={required} validationMessage={problem ?? undefined}>
      {/* The Field's label and messages go to the date input itself, not to the wrapper that stops Enter. */}
      {(control) => (
        <div
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.preventDefault();
          }}
        >
          <BritishDateInput {...control} value={value} onChange={onChange} />
        </div>
      )}
    </Field>
  );
}
