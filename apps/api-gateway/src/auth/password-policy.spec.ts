import { randomBytes } from 'node:crypto';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  const email = 'casey.role@example.com';

  it('refuses common and breached passwords, patterns, the e-mail, only spaces and short ones', () => {
    for (const weak of ['password1234', 'P@ssw0rd12345', 'qwertyuiopasdf', '123456789012', 'iloveyou2024']) {
      expect(passwordProblem(weak, email)).toMatch(/too easy to guess/);
    }
    expect(passwordProblem('casey.role@example.com', email)).toMatch(/e-mail/);
    expect(passwordProblem('CASEY.ROLE@EXAMPLE.COM', email)).toMatch(/e-mail/);
    expect(passwordProblem('casey.role2024!', email)).toMatch(/e-mail/);
    expect(passwordProblem('              ', email)).toBe('password must not be only spaces');
    expect(passwordProblem('Xk9!mQ2#', email)).toMatch(/at least 12 characters/);
  });

  it('accepts random and passphrase passwords, the demo ones and those the test suites use', () => {
    const word = () => randomBytes(9).toString('base64url');
    // tools/scripts/lib/secrets.mjs
    expect(passwordProblem(`admin-${word()}`, 'admin@claimline.local')).toBeNull();
    expect(passwordProblem(`staff-${word()}`, 'billing@claimline.local')).toBeNull();
    expect(passwordProblem(`owner-${word()}`, 'owner@demo-practice.local')).toBeNull();
    const run = Date.now().toString(36).slice(-5);
    // api-e2e, admin-console-e2e and the gateway integration tests, with their e-mails
    for (const [used, address] of [
      ['integration-password', 'admin@it.test'],
      ['owner-password-123', 'owner-1a2b3c4d@solo.test'],
      ['clinician-password-1', `clinician-${run}@example.com`],
      ['clinician-password-1', `role-${run}0@users.test`],
      ['another-long-password', `owner-${run}@admin-e2e.example`],
      [`Str0ng-pass-${run}-owner`, `owner-${run}@admin-e2e.example`],
      [`Str0ng-pass-${run}-staff`, `staff-${run}@admin-e2e.example`],
      [`Str0ng-pass-${run}-role`, `role-${run}@admin-e2e.example`],
      [`Str0ng-pass-${run}-audit`, `audited-${run}@admin-e2e.example`],
      [`Owner-pass-${run}-1234`, `owner.${run}.x1y2@example.com`],
      ['correct horse battery staple', email],
    ])
      expect([used, passwordProblem(used, address)]).toEqual([used, null]);
  });
});
