import { DisplayDatePipe, formatDate } from './dates';

describe('formatDate: one way to show a date, by locale', () => {
  it('shows a calendar date as that day in the medium style of the locale', () => {
    expect(formatDate('2026-01-01', 'day', 'en-US')).toBe('Jan 1, 2026');
    expect(formatDate('2026-01-01', 'day', 'en-GB')).toBe('1 Jan 2026');
    expect(formatDate('2026-12-03', 'day', 'de-DE')).toBe('03.12.2026');
  });

  it('never shifts a calendar date by the time zone, and shows no time for it', () => {
    expect(formatDate('2026-03-01', 'datetime', 'en-US')).toBe('Mar 1, 2026');
    expect(formatDate('1990-12-31', 'day', 'en-US')).toBe('Dec 31, 1990');
  });

  it('shows a timestamp with the time when asked, and only the day otherwise', () => {
    const at = new Date(2026, 11, 3, 14, 45); // local time
    expect(formatDate(at, 'day', 'en-US')).toBe('Dec 3, 2026');
    expect(formatDate(at.toISOString(), 'datetime', 'en-US')).toMatch(/^Dec 3, 2026, 2:45\sPM$/);
    expect(formatDate(at.toISOString(), 'time', 'en-US')).toMatch(/^2:45\sPM$/);
  });

  it('is empty for nothing and leaves what is not a date as it is', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('2026-02-30', 'day', 'en-US')).toBe('2026-02-30');
    expect(formatDate('soon', 'day', 'en-US')).toBe('soon');
  });

  it('is the same in templates (the clDate pipe, in the runtime locale)', () => {
    const pipe = new DisplayDatePipe();
    expect(pipe.transform('2026-01-01')).toBe(formatDate('2026-01-01', 'day'));
    expect(pipe.transform('2026-12-03T14:45:00Z', 'datetime')).toBe(
      formatDate('2026-12-03T14:45:00Z', 'datetime'),
    );
  });
});
