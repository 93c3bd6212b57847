import type { CoverageSummary } from '@claimline/x12';
import { costShareText, detailsOf, outcomeOf } from './eligibility-words';

const share = { remaining: false, serviceTypes: ['MH'], messages: [] };

describe('eligibility in words', () => {
  it('writes each cost share as a biller reads it', () => {
    expect(costShareText('copay', { ...share, amount: 2000, period: 'Visit', inNetwork: true })).toBe(
      '$20.00 per visit, in network',
    );
    expect(costShareText('coinsurance', { ...share, percent: 0.2, inNetwork: false })).toBe(
      '20 %, out of network',
    );
    expect(
      costShareText('deductible', { ...share, amount: 12550, remaining: true, period: 'Remaining' }),
    ).toBe('$125.50 left');
    expect(
      costShareText('out-of-pocket', {
        ...share,
        amount: 300000,
        period: 'Calendar Year',
        inNetwork: 'both',
      }),
    ).toBe('$3,000.00 per calendar year, in and out of network');
  });

  it('gives the outcome: active, inactive, rejected when the payer could not answer, unknown otherwise', () => {
    expect([
      outcomeOf(true, []),
      outcomeOf(false, []),
      outcomeOf(undefined, [{}]),
      outcomeOf(undefined, []),
    ]).toEqual(['active', 'inactive', 'rejected', 'unknown']);
  });

  it('summarises an answer in sentences, rejections with what to do', () => {
    const summary: CoverageSummary = {
      active: undefined,
      date: '2026-03-10',
      copays: [],
      coinsurance: [],
      deductibles: [],
      outOfPocket: [],
      priorAuthorizationRequired: undefined,
      notCovered: false,
      messages: [],
      rejections: [
        {
          level: 'subscriber',
          code: '75',
          reason: 'Subscriber/insured not found',
          followUp: 'C',
          followUpAction: 'Please correct and resubmit',
        },
      ],
    };
    const { outcome, details } = detailsOf('Acme', '2026-03-10', summary, []);
    expect(outcome).toBe('rejected');
    expect(details.summary).toEqual([
      'The payer could not answer: Subscriber/insured not found.',
      'Subscriber/insured not found: Please correct and resubmit.',
    ]);
    const active = detailsOf(
      'Acme',
      '2026-03-10',
      {
        ...summary,
        active: true,
        rejections: [],
        priorAuthorizationRequired: true,
        planName: 'Gold',
        copays: [{ ...share, amount: 3000, period: 'Visit', inNetwork: true }],
      },
      [],
    );
    expect(active.details.summary).toEqual([
      'Coverage is active on 2026-03-10 (Gold).',
      'Copay: $30.00 per visit, in network.',
      'Prior authorization is required.',
    ]);
  });
});
