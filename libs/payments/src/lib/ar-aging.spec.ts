import { type AgingClaim, arAging } from './ar-aging';

const claim = (
  id: string,
  payerId: string,
  clientId: string,
  serviceDate: string,
  charge: number,
  events: AgingClaim['events'] = [],
): AgingClaim => ({
  claimId: id,
  payerId,
  clientId,
  serviceDate,
  charge,
  events,
});

describe('A/R aging', () => {
  // As of 2026-12-01: ages 5, 45, 75, 100 and 200 days.
  const claims = [
    claim('a', 'acme', 'c1', '2026-11-26', 15000),
    claim('b', 'acme', 'c1', '2026-10-17', 15000, [
      { date: '2026-11-10', kind: 'insurance_payment', amount: 9000 },
      { date: '2026-11-10', kind: 'insurance_adjustment', amount: 4000 },
      { date: '2026-11-10', kind: 'client_responsibility', amount: 2000 },
    ]),
    claim('c', 'blue', 'c2', '2026-09-17', 20000, [
      // Paid after the as-of date: ignored.
      { date: '2026-12-05', kind: 'insurance_payment', amount: 20000 },
    ]),
    claim('d', 'blue', 'c2', '2026-08-23', 15000, [
      { date: '2026-09-20', kind: 'insurance_adjustment', amount: 4000 },
      { date: '2026-09-20', kind: 'client_responsibility', amount: 11000 },
      { date: '2026-10-01', kind: 'client_payment', amount: 5000 },
    ]),
    claim('e', 'acme', 'c3', '2026-05-15', 15000),
    // Served after the as-of date: not in the report.
    claim('f', 'acme', 'c3', '2026-12-02', 15000),
  ];

  it('buckets insurance and client balances apart by age from the date of service', () => {
    const r = arAging(claims, '2026-12-01');
    expect(r.insurance).toEqual({
      '0-30': 15000,
      '31-60': 0,
      '61-90': 20000,
      '91-120': 0,
      '120+': 15000,
      total: 50000,
    });
    expect(r.client).toEqual({
      '0-30': 0,
      '31-60': 2000,
      '61-90': 0,
      '91-120': 6000,
      '120+': 0,
      total: 8000,
    });
    expect(r.byPayer.map((p) => [p.id, p.buckets.total, p.claimCount])).toEqual([
      ['acme', 30000, 2],
      ['blue', 20000, 1],
    ]);
    expect(r.byClient.map((c) => [c.id, c.buckets.total, c.claimCount])).toEqual([
      ['c2', 6000, 1],
      ['c1', 2000, 1],
    ]);
    expect(r.total).toBe(58000);
    // Over 90: insurance 150.00 + client 60.00 of 580.00.
    expect(r.shareOver90).toBeCloseTo(21000 / 58000, 10);
    // Charges of the last 90 days: a, b, c = 500.00 → 5.56 a day; 580.00 / 5.5556 = 104.4 days.
    expect(r.daysInAr).toBe(104.4);
  });

  it('ignores what was posted after the as-of date', () => {
    const before = arAging(claims, '2026-11-09');
    // Claim b not paid yet on 2026-11-09; claim a not served yet.
    expect(before.insurance['0-30']).toBe(15000);
    expect(before.byPayer.find((p) => p.id === 'acme')?.buckets.total).toBe(30000);
    expect(before.client.total).toBe(6000);
  });

  it('answers an empty A/R with zeros and no days in A/R', () => {
    const r = arAging([], '2026-12-01');
    expect(r).toMatchObject({ total: 0, shareOver90: 0, daysInAr: null, byPayer: [], byClient: [] });
  });
});
