import { buildClientLedger, type LedgerEntry } from './client-ledger';

const e = (kind: LedgerEntry['kind'], amount: number, clientId = 'client-1'): LedgerEntry => ({
  clientId,
  kind,
  amount,
  date: '2026-11-20',
});

describe('client ledger', () => {
  it('sums charges, client responsibility, payments and adjustments into a balance that checks', () => {
    const { ledger, problems } = buildClientLedger(
      'client-1',
      [
        e('self_pay_fee', 12000),
        e('client_responsibility', 2000),
        e('client_responsibility', -2000),
        e('client_responsibility', 3000),
        e('payment', -10000),
        e('adjustment', -500),
      ],
      4500,
    );
    expect(problems).toEqual([]);
    expect(ledger.totals).toEqual({
      self_pay_fee: 12000,
      client_responsibility: 3000,
      payment: -10000,
      adjustment: -500,
    });
    expect(ledger.balance).toBe(4500);
  });

  it('names each entry that breaks the rules and a stored balance that does not match', () => {
    const { problems } = buildClientLedger(
      'client-1',
      [e('self_pay_fee', -100), e('payment', 500), e('payment', 10.5), e('adjustment', 100, 'client-2')],
      0,
    );
    expect(problems.map((p) => p.message)).toEqual([
      'entry 0: a self_pay_fee is never negative',
      'entry 1: a payment is never positive',
      'entry 2: 10.5 is not a whole number of cents',
      'entry 3 belongs to another client',
      'stored balance 0 ≠ sum of the entries 500',
    ]);
  });
});
