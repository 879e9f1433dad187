import { useMemo, useRef, useState, type AriaAttributes } from 'react';
import { DatePicker, defaultDatePickerStrings } from '@fluentui/react-datepicker-compat';
import type { DateFormatting, DayOfWeek } from '@fluentui/react-calendar-compat';
import { formatNumericDate, isoToLocalDate, localDateToIso, parseBritishDate } from '../../shared/domain/dates';

/** Monday, as British calendars start the week (DayOfWeek.Monday). */
const MONDAY = 1 as DayOfWeek;

const STRINGS = {
  ...defaultDatePickerStrings,
  invalidInputErrorMessage: 'Type the date as day/month/year, e.g. 07/02/2020.',
};

/** What the calendar reads out and shows: "7 February 2020", not the American "February 7, 2020". */
const BRITISH: DateFormatting = {
  formatDay: (date) => String(date.getDate()),
  formatMonth: (date, strings) => strings.months[date.getMonth()] ?? '',
  formatYear: (date) => String(date.getFullYear()),
  formatMonthDayYear: (date, strings) => `${date.getDate()} ${strings.months[date.getMonth()] ?? ''} ${date.getFullYear()}`,
  formatMonthYear: (date, strings) => `${strings.months[date.getMonth()] ?? ''} ${date.getFullYear()}`,
};

const formatDate = (date?: Date | null): string => (date ? formatNumericDate(localDateToIso(date)) : '');

const parseDate = (text: string): Date | null => {
  const iso = parseBritishDate(text);
  return iso ? isoToLocalDate(iso) : null;
};

export interface BritishDateInputProps {
  /** An ISO date (2020-02-07), or null for none. */
  value: string | null;
  /** Called with the ISO date chosen or typed, or null when the field is cleared. */
  onChange: (iso: string | null) => void;
  disabled?: boolean;
  className?: string;
  /** What labels the field, from its Field (FieldControlProps) or given directly. */
  id?: string;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: AriaAttributes['aria-invalid'];
  'aria-required'?: AriaAttributes['aria-required'];
}

/**
 * A date field that shows and reads dates the British way (07/02/2020, or "7 Feb 2020" typed), whatever the
 * browser's or the system's locale, with a calendar that starts on Monday. The browser's own date input
 * follows the browser's language, which is how an officer with an American Chromium read 02/07/2020.
 * A typed date is taken on Enter or on leaving the field; the calendar opens on a click or the Down arrow.
 */
export function BritishDateInput({ value, onChange, disabled, className, ...rest }: BritishDateInputProps) {
  const [open, setOpen] = useState(false);
  // Enter after typing a date takes it; the picker would also open its calendar, which is not what was asked.
  const entered = useRef(false);
  // The picker rewrites its text whenever its value or formatDate changes identity: a new Date or function
  // at each render would wipe what the officer is typing whenever the screen re-renders (a save landing).
  const date = useMemo(() => (value ? isoToLocalDate(value) : null), [value]);
  return (
    <DatePicker
      className={className}
      {...rest}
      value={date}
      onSelectDate={(picked) => onChange(picked ? localDateToIso(picked) : null)}
      formatDate={formatDate}
      parseDateFromString={parseDate}
      open={open}
      onOpenChange={(next) => {
        const fromEnter = entered.current;
        entered.current = false;
        if (next && fromEnter) return;
        setOpen(next);
      }}
      onKeyDown={(e) => {
        entered.current = e.key === 'Enter' && !open;
      }}
      allowTextInput
      placeholder="dd/mm/yyyy"
      firstDayOfWeek={MONDAY}
      strings={STRINGS}
      dateTimeFormatter={BRITISH}
      showGoToToday
      disabled={disabled}
    />
  );
}
