import { practiceScope } from './actor.service';

describe('practiceScope', () => {
  it('gives admins every practice, staff their assignments and practice users their own practice', () => {
    expect(practiceScope('admin', null, ['p1'])).toBeNull();
    expect(practiceScope('billing_staff', null, ['p1', 'p2'])).toEqual(['p1', 'p2']);
    expect(practiceScope('billing_staff', null, [])).toEqual([]);
    expect(practiceScope('practice_owner', 'p9', ['p1'])).toEqual(['p9']);
    expect(practiceScope('clinician', null, [])).toEqual([]);
  });
});
