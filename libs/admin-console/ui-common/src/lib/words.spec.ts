import { plural } from './words';

describe('plural', () => {
  it('says one in the singular and every other count in the plural', () => {
    expect(plural(1, 'client')).toBe('1 client');
    expect(plural(0, 'client')).toBe('0 clients');
    expect(plural(2, 'client')).toBe('2 clients');
  });

  it('takes the plural when it is not the noun plus "s"', () => {
    expect(plural(1, 'team member has', 'team members have')).toBe('1 team member has');
    expect(plural(4, 'team member has', 'team members have')).toBe('4 team members have');
  });
});
