import { PAYERS } from '@claimline/reference-data';
import { PAYER_SEED, payerSeedDigest } from './payer-seed';

describe('payer seed', () => {
  it('is versioned with the reference data: a change of PAYERS needs a new PAYER_SEED version and digest', () => {
    expect(payerSeedDigest(PAYERS)).toBe(PAYER_SEED.digest);
  });

  it('notices a change of any seeded field and nothing else', () => {
    const [first, ...rest] = PAYERS;
    expect(payerSeedDigest([{ ...first, eraSupported: !first.eraSupported }, ...rest])).not.toBe(
      PAYER_SEED.digest,
    );
    expect(payerSeedDigest([{ ...first, requirementsVerified: !first.requirementsVerified }, ...rest])).toBe(
      PAYER_SEED.digest,
    );
    expect(payerSeedDigest([{ ...first, payerIds: { ...first.payerIds } }, ...rest])).toBe(PAYER_SEED.digest);
  });
});
