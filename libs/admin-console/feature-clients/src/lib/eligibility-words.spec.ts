import { eligibilityHeadline } from './eligibility-words';

describe('eligibilityHeadline', () => {
  it('says active with the plan, inactive, or why the payer could not answer', () => {
    expect(eligibilityHeadline({ outcome: 'active', planName: 'Gold PPO', rejections: [] })).toBe(
      'Active — Gold PPO',
    );
    expect(eligibilityHeadline({ outcome: 'active', planName: null, rejections: [] })).toBe('Active');
    expect(eligibilityHeadline({ outcome: 'inactive', planName: null, rejections: [] })).toBe(
      'Not active on the date asked',
    );
    expect(
      eligibilityHeadline({
        outcome: 'rejected',
        planName: null,
        rejections: [
          { level: 'subscriber', code: '75', reason: 'Subscriber not found', followUpAction: null },
        ],
      }),
    ).toBe('The payer could not answer: Subscriber not found');
    expect(eligibilityHeadline({ outcome: 'unknown', planName: null, rejections: [] })).toMatch(
      /did not say/,
    );
  });
});
