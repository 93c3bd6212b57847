import { ledgerDate } from './posting-writer';

describe('ledgerDate', () => {
  const today = new Date().toISOString().slice(0, 10);

  it('keeps a real payment date', () => {
    expect(ledgerDate('2026-11-20')).toBe('2026-11-20');
  });

  it('takes today for a payer date that is no date (a public sample sends 2000-23-16) or none', () => {
    expect(ledgerDate('20002316')).toBe(today);
    expect(ledgerDate('2000-23-16')).toBe(today);
    expect(ledgerDate('2026-02-30')).toBe(today);
    expect(ledgerDate(null)).toBe(today);
  });
});
