import {
  ADJUSTMENT_GROUPS,
  ADJUSTMENT_REASONS,
  CLAIM_PAYMENT_STATUSES,
  describeAdjustment,
  describeClaimPaymentStatus,
  describeProviderAdjustment,
  describeRemark,
  findAdjustmentReason,
  PROVIDER_ADJUSTMENT_REASONS,
  REMARK_CODES,
} from './remittance-codes';

describe('remittance code lists', () => {
  it('holds each code once, with a description of our own', () => {
    for (const list of [
      ADJUSTMENT_GROUPS,
      ADJUSTMENT_REASONS,
      REMARK_CODES,
      CLAIM_PAYMENT_STATUSES,
      PROVIDER_ADJUSTMENT_REASONS,
    ]) {
      const codes = list.map((c) => c.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const c of list) expect(c.description.length).toBeGreaterThan(5);
    }
  });

  it('uses the 005010 group codes only (CR was retired)', () => {
    expect(ADJUSTMENT_GROUPS.map((g) => g.code)).toEqual(['CO', 'PR', 'OA', 'PI']);
  });

  it('describes the client-responsibility reasons and says when it does not know a code', () => {
    expect(describeAdjustment('PR', '1')).toBe(
      "Client responsibility — Applied to the client's deductible (PR 1)",
    );
    expect(describeAdjustment('CO', '45')).toContain('Contract write-off');
    expect(describeAdjustment('CO', 'ZZ9')).toContain('Reason ZZ9 (not in our list');
    expect(findAdjustmentReason('197')?.action).toBe('appeal');
    expect(describeRemark('N130')).toContain('benefit');
    expect(describeRemark('N999')).toContain('not in our list');
    expect(describeClaimPaymentStatus('22')).toBe('Reversal of an earlier payment');
    expect(describeProviderAdjustment('L6')).toContain('Interest');
    expect(describeProviderAdjustment('XX')).toContain('not in our list');
  });
});
