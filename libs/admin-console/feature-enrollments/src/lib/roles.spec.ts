import { can, REQUESTER_ROLES, STAFF_ROLES } from './roles';

describe('who may do what with an enrollment', () => {
  it('lets practice owners enroll but not record the payer’s answer', () => {
    expect(can(REQUESTER_ROLES, 'practice_owner')).toBe(true);
    expect(can(STAFF_ROLES, 'practice_owner')).toBe(false);
  });

  it('lets admins and billing staff do both, clinicians and visitors neither', () => {
    for (const role of ['admin', 'billing_staff'] as const) {
      expect(can(REQUESTER_ROLES, role)).toBe(true);
      expect(can(STAFF_ROLES, role)).toBe(true);
    }
    expect(can(REQUESTER_ROLES, 'clinician')).toBe(false);
    expect(can(REQUESTER_ROLES, null)).toBe(false);
  });
});
