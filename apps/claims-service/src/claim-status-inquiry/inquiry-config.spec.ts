import { daysFor, DEFAULT_STATUS_AFTER_DAYS, parseDaysByPayer } from './inquiry-config';

const a = '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10';
const b = '5C2F5C1E-8A47-4A8E-9D7E-4D9F2D3C1A11';

describe('claim status days per payer', () => {
  it('reads <payer uuid>=<days> pairs, any case, and falls back to the default', () => {
    const map = parseDaysByPayer(` ${a}=45, ${b}=14 `);
    expect(daysFor(a, map, DEFAULT_STATUS_AFTER_DAYS)).toBe(45);
    expect(daysFor(b.toLowerCase(), map, DEFAULT_STATUS_AFTER_DAYS)).toBe(14);
    expect(daysFor('other', map, DEFAULT_STATUS_AFTER_DAYS)).toBe(30);
    expect(parseDaysByPayer(undefined).size).toBe(0);
  });

  it('refuses an entry it cannot read, naming it', () => {
    expect(() => parseDaysByPayer(`${a}=0`)).toThrow(`"${a}=0" is not <payer uuid>=<days from 1 to 999>`);
    expect(() => parseDaysByPayer('aetna=30')).toThrow('"aetna=30"');
  });
});
