import { US_STATE_LIKE_CODES } from '@claimline/domain';
import { findUsState, US_STATES } from './us-states';

describe('US states', () => {
  it('names exactly the codes the domain accepts', () =>
    expect(US_STATES.map((s) => s.code).sort()).toEqual([...US_STATE_LIKE_CODES].sort()));

  it('has 50 states', () => expect(US_STATES.filter((s) => s.kind === 'state')).toHaveLength(50));

  it.each([
    ['TX', 'Texas'],
    ['ca', 'California'],
    ['new  york', 'New York'],
    ['District of Columbia', 'District of Columbia'],
    ['pr', 'Puerto Rico'],
  ])('finds %j', (input, name) => expect(findUsState(input)?.name).toBe(name));

  it.each(['XX', 'Texass', ''])('does not find %j', (input) => expect(findUsState(input)).toBeUndefined());
});
