import { randomBytes } from 'node:crypto';
import { accessToken, api, ApiResponse, login, users } from './client';

interface AuditRow {
  userId: string | null;
  role: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  status: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const strongPassword = () => `Sessions-${randomBytes(9).toString('base64url')}-e2e`;
const throwAwayEmail = (what: string) => `${what}-${randomBytes(5).toString('hex')}@sessions.test`;

/** Waits out a 429's Retry-After (a little more, so the lock is surely over). */
const waitOut = (r: ApiResponse) => sleep(Number(r.headers.get('retry-after')) * 1000 + 300);

describe('sessions, sign-in locks, sign-in audit and the password policy', () => {
  let admin: string;

  beforeAll(async () => {
    admin = await accessToken(users.admin);
  });

  it('ends a session’s access token right at logout, while another session of the same user keeps working', async () => {
    const first = await login(users.owner);
    const second = await login(users.owner);
    expect((await api('GET', '/auth/me', { token: first.accessToken })).status).toBe(200);

    expect((await api('POST', '/auth/logout', { body: { refreshToken: first.refreshToken } })).status).toBe(
      204,
    );
    const after = await api('GET', '/auth/me', { token: first.accessToken });
    expect(after.status).toBe(401);
    expect(after.headers.get('content-type')).toContain('application/problem+json');
    expect(after.body.detail).toMatch(/session has ended/);
    expect((await api('GET', '/practices', { token: first.accessToken })).status).toBe(401);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } })).status).toBe(
      401,
    );

    expect((await api('GET', '/auth/me', { token: second.accessToken })).status).toBe(200);
    const renewed = await api('POST', '/auth/refresh', { body: { refreshToken: second.refreshToken } });
    expect(renewed.status).toBe(200);
    expect((await api('GET', '/auth/me', { token: renewed.body.accessToken })).status).toBe(200);
  });

  it('locks a throw-away account after five failures with a growing Retry-After, answers an unknown e-mail alike, and audits every attempt', async () => {
    const email = throwAwayEmail('locked');
    const password = strongPassword();
    const created = await api('POST', '/users', {
      token: admin,
      body: { email, displayName: 'Lock Test', password, role: 'billing_staff' },
    });
    expect(created.status).toBe(201);
    const attempt = (who: string, pw: string) =>
      api('POST', '/auth/login', { body: { email: who, password: pw } });

    for (let i = 0; i < 5; i++) expect((await attempt(email, 'Wrong-password-1234')).status).toBe(401);
    const locks: number[] = [];
    let locked = await attempt(email, 'Wrong-password-1234');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('content-type')).toContain('application/problem+json');
    expect(locked.body.detail).toMatch(/Too many failed sign-ins/);
    locks.push(Number(locked.headers.get('retry-after')));
    // While locked, even the right password is refused (nothing is checked).
    expect((await attempt(email, password)).status).toBe(429);
    for (let round = 0; round < 2; round++) {
      await waitOut(locked);
      expect((await attempt(email, 'Wrong-password-1234')).status).toBe(401);
      locked = await attempt(email, 'Wrong-password-1234');
      expect(locked.status).toBe(429);
      locks.push(Number(locked.headers.get('retry-after')));
    }
    expect(locks[0]).toBeGreaterThanOrEqual(1);
    expect(locks[1]).toBeGreaterThan(locks[0]);
    expect(locks[2]).toBeGreaterThan(locks[1]);

    // An e-mail without an account gets exactly the same answers.
    const nobody = throwAwayEmail('nobody');
    const unknown: ApiResponse[] = [];
    for (let i = 0; i < 6; i++) unknown.push(await attempt(nobody, 'Wrong-password-1234'));
    expect(unknown.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 429]);
    expect(unknown[5].body.detail).toMatch(
      /^Too many failed sign-ins with this e-mail; try again in \d+ seconds?$/,
    );
    expect(Number(unknown[5].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(unknown[5].headers.get('retry-after'))).toBeLessThanOrEqual(locks[0]);

    // After the lock the right password works, and the count starts over.
    await waitOut(locked);
    expect((await attempt(email, password)).status).toBe(200);
    expect((await attempt(email, 'Wrong-password-1234')).status).toBe(401);
    expect((await attempt(email, password)).status).toBe(200);

    const audit = await api('GET', `/audit-events?resourceType=session&userId=${created.body.id}&limit=100`, {
      token: admin,
    });
    expect(audit.status).toBe(200);
    const rows = audit.body.items as AuditRow[];
    const statuses = rows.map((e) => `${e.action}:${e.status}`);
    expect(statuses.filter((s) => s === 'create:401')).toHaveLength(8);
    expect(statuses.filter((s) => s === 'create:429')).toHaveLength(4);
    expect(statuses.filter((s) => s === 'create:200')).toHaveLength(2);
    const success = rows.find((e) => e.status === 200)!;
    expect(success).toMatchObject({ role: 'billing_staff', resourceType: 'session' });
    expect(success.resourceId).toMatch(/^[0-9a-f-]{36}$/);
    // No e-mail address in the audit log, not even of an unknown account.
    const recent = await api('GET', '/audit-events?resourceType=session&limit=200', { token: admin });
    const text = JSON.stringify(recent.body.items);
    expect(text).not.toContain(nobody);
    expect(text).not.toContain(email);
    const anonymous = (recent.body.items as AuditRow[]).filter((e) => e.userId === null && e.status === 429);
    expect(anonymous.length).toBeGreaterThan(0);
  }, 60_000);

  it('audits reads of the audit log', async () => {
    const me = (await api('GET', '/auth/me', { token: admin })).body;
    const read = await api('GET', '/audit-events?limit=1', { token: admin });
    expect(read.status).toBe(200);
    const reads = await api('GET', `/audit-events?resourceType=audit_event&userId=${me.id}&limit=5`, {
      token: admin,
    });
    expect(reads.body.items.length).toBeGreaterThan(0);
    expect(reads.body.items[0]).toMatchObject({ action: 'list', role: 'admin', status: 200, userId: me.id });
  });

  it('refuses weak passwords on user creation and password change, naming the field', async () => {
    const email = throwAwayEmail('weak');
    const create = (password: string) =>
      api('POST', '/users', {
        token: admin,
        body: { email, displayName: 'Weak Password', password, role: 'billing_staff' },
      });
    for (const [password, message] of [
      ['password1234', /too easy to guess/],
      ['P@ssw0rd12345', /too easy to guess/],
      [email, /e-mail address/],
      ['              ', /only (spaces|white space)/], // refused by the input rule before the policy
    ] as const) {
      const r = await create(password);
      expect(r.status).toBe(422);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
      expect(r.body.errors).toEqual([
        expect.objectContaining({ field: 'password', message: expect.stringMatching(message) }),
      ]);
    }
    const created = await create(strongPassword());
    expect(created.status).toBe(201);
    const change = await api('PATCH', `/users/${created.body.id}`, {
      token: admin,
      body: { password: 'qwertyuiop123' },
    });
    expect(change.status).toBe(422);
    expect(change.body.errors[0].field).toBe('password');
  });
});
