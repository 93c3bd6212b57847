import { policyWarnings, type PolicyFacts } from './policy-warnings';
import type { BcbsFacts } from '../payers/bcbs';

const aetna: BcbsFacts = {
  id: 'aetna',
  key: 'aetna',
  name: 'Aetna',
  isBcbs: false,
  states: [],
  payerIds: { default: '60054' },
  kind: 'commercial',
};
const bcbsTx: BcbsFacts = {
  id: 'bcbstx',
  key: 'bcbs-tx',
  name: 'Blue Cross Blue Shield of Texas',
  isBcbs: true,
  states: ['TX'],
  payerIds: { default: '84980' },
  kind: 'commercial',
};
const policy = (id: string, order: string, payerId: string, memberId = 'W123456789'): PolicyFacts => ({
  id,
  order,
  payerId,
  memberId,
});

describe('policyWarnings', () => {
  it('has nothing to say about a single policy with a payer of any kind and a well-formed ID', () => {
    expect(policyWarnings(policy('p1', 'primary', 'aetna', '123456789'), aetna, 'TX', [])).toEqual([]);
    expect(policyWarnings(policy('p1', 'primary', 'bcbstx', 'XYZ123456789'), bcbsTx, 'TX', [])).toEqual([]);
  });

  it('warns when a BCBS member ID lacks its prefix, and names the ID', () => {
    const [w] = policyWarnings(policy('p1', 'primary', 'bcbstx', '123456789'), bcbsTx, 'TX', []);
    expect(w.code).toBe('bcbs_prefix');
    expect(w.message).toContain('123456789 has none');
    // An alphanumeric prefix is a prefix.
    expect(policyWarnings(policy('p1', 'primary', 'bcbstx', 'A2B123456'), bcbsTx, 'TX', [])).toEqual([]);
  });

  it('warns on each policy when the client has two current policies with the same payer', () => {
    const primary = policy('p1', 'primary', 'aetna');
    const secondary = policy('p2', 'secondary', 'aetna', 'W99');
    const other = policy('p3', 'tertiary', 'bcbstx', 'XYZ1');
    const all = [primary, secondary, other];
    expect(policyWarnings(primary, aetna, 'TX', all)).toEqual([
      {
        code: 'same_payer',
        message:
          "The secondary policy is with Aetna too: check these are two different plans (say, the client's own and a spouse's), not one plan entered twice",
      },
    ]);
    expect(policyWarnings(secondary, aetna, 'TX', all).map((w) => w.code)).toEqual(['same_payer']);
    expect(policyWarnings(other, bcbsTx, 'TX', all)).toEqual([]);
  });

  it('keeps the BlueCard warning for a plan that is not local', () => {
    expect(
      policyWarnings(policy('p1', 'primary', 'bcbstx', 'XYZ1'), bcbsTx, 'CA', []).map((w) => w.code),
    ).toEqual(['bcbs_not_local']);
  });
});
