import { AUDIT_ACTIONS, AUDIT_RESOURCES, isPracticeRole } from '../index';

describe('gateway contracts', () => {
  it('lists each audited resource and action once', () => {
    expect(new Set(AUDIT_RESOURCES).size).toBe(AUDIT_RESOURCES.length);
    expect(AUDIT_ACTIONS).toEqual(['list', 'read', 'create', 'update', 'delete']);
  });

  it('ties practice owners and clinicians to one practice, not admins or billing staff', () => {
    expect(isPracticeRole('practice_owner')).toBe(true);
    expect(isPracticeRole('clinician')).toBe(true);
    expect(isPracticeRole('admin')).toBe(false);
    expect(isPracticeRole('billing_staff')).toBe(false);
    expect(isPracticeRole(null)).toBe(false);
  });
});
