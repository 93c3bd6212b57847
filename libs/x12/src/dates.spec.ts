import { isDate, isoToD8 } from './dates';

describe('isoToD8', () => {
  it('turns a day that exists into CCYYMMDD', () => {
    expect(isoToD8('2026-02-20')).toBe('20260220');
    expect(isoToD8('2024-02-29')).toBe('20240229');
    expect(isoToD8('2000-02-29')).toBe('20000229');
    expect(isoToD8('2026-12-31')).toBe('20261231');
  });

  it('refuses days that do not exist and text that is not YYYY-MM-DD', () => {
    for (const v of [
      undefined,
      '',
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-2-20',
      '2026/02/20',
      '20260220',
      '2026-02-20\n',
      ' 2026-02-20',
      '2026-0a-20',
      '\uff12026-02-20',
    ])
      expect(isoToD8(v)).toBeUndefined();
  });

  it('agrees with isDate on every day of the years it reads alike, leap years of 0-99 included', () => {
    const differ: string[] = [];
    for (const year of [0, 4, 99, 100, 1600, 1900, 2000, 2023, 2024, 2100, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const ymd = [
            String(year).padStart(4, '0'),
            String(month).padStart(2, '0'),
            String(day).padStart(2, '0'),
          ];
          const d8 = ymd.join('');
          if ((isoToD8(ymd.join('-')) === d8) !== isDate(d8)) differ.push(d8);
        }
    expect(differ).toEqual([]);
  });
});
