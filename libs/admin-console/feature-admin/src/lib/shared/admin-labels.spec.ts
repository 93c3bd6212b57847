import {
  actionLabel,
  dayStart,
  outcome,
  resourceLabel,
  ROLE_OPTIONS,
  roleLabel,
  shortId,
} from './admin-labels';

describe('admin labels', () => {
  it('offers every role once, in the order of the server’s list', () => {
    expect(ROLE_OPTIONS.map((r) => r.value)).toEqual([
      'admin',
      'billing_staff',
      'practice_owner',
      'clinician',
    ]);
    expect(roleLabel('billing_staff')).toBe('Billing team');
    expect(roleLabel('someone_new')).toBe('someone_new');
    expect(roleLabel(null)).toBe('—');
  });

  it('words actions and resources', () => {
    expect(actionLabel('update')).toBe('Changed');
    expect(actionLabel('archive')).toBe('archive');
    expect(resourceLabel('insurance_policy')).toBe('Insurance policy');
  });

  it('says how a request ended, with a tone for the chip', () => {
    expect(outcome(201)).toEqual({ label: 'Done · 201', tone: 'success' });
    expect(outcome(403)).toEqual({ label: 'Refused · 403', tone: 'danger' });
    expect(outcome(404).tone).toBe('warning');
    expect(outcome(409).label).toBe('Conflict · 409');
    expect(outcome(422).label).toBe('Invalid · 422');
    expect(outcome(503)).toEqual({ label: 'Failed · 503', tone: 'danger' });
    expect(outcome(302)).toEqual({ label: '302', tone: 'neutral' });
  });

  it('finds the start of a local day, and refuses what is not a date', () => {
    expect(dayStart('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString());
    expect(dayStart('2026-13-45x')).toBeNull();
  });

  it('shortens long ids only', () => {
    expect(shortId('0123456789abcdef')).toBe('01234567…');
    expect(shortId('short')).toBe('short');
    expect(shortId(null)).toBe('—');
  });
});
