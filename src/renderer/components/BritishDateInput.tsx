import { DatePicker, defaultDatePickerStrings } from '@fluentui/react-datepicker-compat';
import type { DayOfWeek } from '@fluentui/react-calendar-compat';
import { formatNumericDate, isoToLocalDate, localDateToIso, parseBritishDate } from '../../shared/domain/dates';

/** Monday, as British calendars start the week (DayOfWeek.Monday). */
const MONDAY = 1 as DayOfWeek;

const STRINGS = {
  ...defaultDatePickerStrings,
  invalidInputErrorMessage: 'Type the date as day/month/year, e.g. 07/02/2020.',
};

export interface BritishDateInputProps {
  /** An ISO date (2020-02-07), or null for none. */
  value: string | null;
  /** Called with the ISO date chosen or typed, or null when the field is cleared. */
  onChange: (iso: string | null) => void;
  disabled?: boolean;
  className?: string;
  'aria-label'?: string;
}

/**
 * A date field that shows and reads dates the British way (07/02/2020, or "7 Feb 2020" typed), whatever the
 * browser's or the system's locale, with a calendar that starts on Monday. The browser's own date input
 * follows the browser's language, which is how an officer with an American Chromium read 02/07/2020.
 */
export function BritishDateInput({ value, onChange, disabled, className, ...rest }: BritishDateInputProps) {
  return (
    <DatePicker
      className={className}
      aria-label={rest['aria-label']}
      value={value ? isoToLocalDate(value) : null}
      onSelectDate={(date) => onChange(date ? localDateToIso(date) : null)}
      formatDate={(date) => (date ? formatNumericDate(localDateToIso(date)) : '')}
      parseDateFromString={(text) => {
        const iso = parseBritishDate(text);
        return iso ? isoToLocalDate(iso) : null;
      }}
      allowTextInput
      placeholder="dd/mm/yyyy"
      firstDayOfWeek={MONDAY}
      strings={STRINGS}
      showGoToToday
      disabled={disabled}
    />
  );
}
