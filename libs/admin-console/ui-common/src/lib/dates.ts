import { Pipe, type PipeTransform } from '@angular/core';

/** `day`: "Jan 1, 2026"; `datetime`: "Jan 1, 2026, 2:45 PM"; `time`: "2:45 PM" (in en-US). */
export type DateShow = 'day' | 'datetime' | 'time';

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const OPTIONS: Record<DateShow, Intl.DateTimeFormatOptions> = {
  day: { dateStyle: 'medium' },
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(show: DateShow, locale: string | undefined, utc: boolean): Intl.DateTimeFormat {
  const key = `${show}|${locale ?? ''}|${utc}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...OPTIONS[show], ...(utc ? { timeZone: 'UTC' } : {}) });
    formats.set(key, f);
  }
  return f;
}

/**
 * The console's one way of showing a date: the medium style of the browser's locale ("Jan 1, 2026"
 * in the US, "1 Jan 2026" in the UK), with the time where one is asked for. A calendar date
 * (`YYYY-MM-DD`: birth dates, coverage, dates of service) is that day everywhere; a timestamp is
 * shown in the user's time zone. Empty for nothing; a value that is not a date is shown as it is.
 * `locale` is for tests: the console passes none, so the browser's language decides.
 */
export function formatDate(
  value: string | Date | null | undefined,
  show: DateShow = 'day',
  locale?: string,
): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') {
    const day = CALENDAR_DAY.exec(value);
    if (day) {
      const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
      if (date.getUTCDate() !== Number(day[3])) return value;
      // A calendar date has no time of day: shown as the day whatever was asked.
      return formatter('day', locale, true).format(date);
    }
  }
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? String(value) : formatter(show, locale, false).format(date);
}

/** `{{ value | clDate }}`, `{{ value | clDate: 'datetime' }}`: `formatDate` in templates. */
@Pipe({ name: 'clDate' })
export class DisplayDatePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, show: DateShow = 'day'): string {
    return formatDate(value, show);
  }
}
