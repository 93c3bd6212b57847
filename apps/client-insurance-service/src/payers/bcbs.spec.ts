import { localBcbsPlanForState, PAYERS } from '@claimline/reference-data';
import { payerSeedId } from './payer-seed';
import { bcbsPolicyWarning, type BcbsFacts } from './bcbs';

const fromSeed = (key: string): BcbsFacts => {
  const p = PAYERS.find((x) => x.key === key)!;
  return {
    id: 'id',
    key: p.key,
    name: p.name,
    isBcbs: p.isBcbs,
    states: [...(p.states ?? [])],
    payerIds: { ...p.payerIds },
    kind: p.kind,
  };
};

describe('BCBS warning on a policy', () => {
  const texas = localBcbsPlanForState('TX')!;
  const otherBcbs = PAYERS.find((p) => p.isBcbs && !p.states?.includes('TX'))!;

  it('says nothing for the local plan, a non-BCBS payer, or an unknown practice state', () => {
    expect(bcbsPolicyWarning(fromSeed(texas.key), 'TX')).toBeNull();
    expect(bcbsPolicyWarning(fromSeed('aetna'), 'TX')).toBeNull();
    expect(bcbsPolicyWarning(fromSeed(otherBcbs.key), null)).toBeNull();
  });

  it('warns for another state’s BCBS plan, naming the local plan', () => {
    const warning = bcbsPolicyWarning(fromSeed(otherBcbs.key), 'tx');
    expect(warning?.code).toBe('bcbs_not_local');
    expect(warning?.message).toContain(texas.name);
    expect(warning?.message).toContain('Texas');
  });

  it('treats a staff-added BCBS plan by the states on its directory row', () => {
    const added: BcbsFacts = {
      id: 'x',
      key: null,
      name: 'Blue Plan of Nowhere',
      isBcbs: true,
      states: ['TX'],
      payerIds: { default: '99999' },
      kind: 'commercial',
    };
    expect(bcbsPolicyWarning(added, 'TX')).toBeNull();
    expect(bcbsPolicyWarning({ ...added, states: ['OK'] }, 'TX')?.message).toContain(texas.name);
  });
});

describe('seeded payer ids', () => {
  it('are stable, valid version-5 UUIDs, one per seed key', () => {
    const ids = PAYERS.map((p) => payerSeedId(p.key));
    expect(new Set(ids).size).toBe(PAYERS.length);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(payerSeedId('aetna')).toBe(payerSeedId('aetna'));
  });
});
