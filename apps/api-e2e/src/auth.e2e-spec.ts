import { accessToken, api, forgeToken, login, users } from './client';

describe('auth', () => {
  it('signs in, says who is signed in, and refuses a wrong password with the same answer as an unknown e-mail', async () => {
    const { accessToken, refreshToken } = await login(users.staff);
    expect(refreshToken).toMatch(/^[0-9a-f-]{36}\./);
    const me = await api('GET', '/auth/me', { token: accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: users.staff.email, role: 'billing_staff' });

    const wrong = await api('POST', '/auth/login', {
      body: { email: users.staff.email, password: 'not-the-password' },
    });
    const unknown = await api('POST', '/auth/login', {
      body: { email: 'nobody@example.com', password: 'not-the-password' },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('rotates refresh tokens and revokes the whole session when a spent one is presented again', async () => {
    const first = await login(users.owner);
    const second = await api('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);

    const replay = await api('POST', '/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    // The replay killed the family: the newest token is dead too.
    const after = await api('POST', '/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
    expect(after.status).toBe(401);
  });

  it('ends a session on logout', async () => {
    const s = await login(users.owner);
    expect((await api('POST', '/auth/logout', { body: { refreshToken: s.refreshToken } })).status).toBe(204);
    expect((await api('POST', '/auth/refresh', { body: { refreshToken: s.refreshToken } })).status).toBe(401);
  });

  it('answers 401 without a token, with a forged one and with an expired one', async () => {
    const none = await api('GET', '/practices');
    expect(none.status).toBe(401);
    expect(none.body.detail).toMatch(/Bearer access token/);

    const me = (await api('GET', '/auth/me', { token: await accessToken(users.admin) })).body;
    const forged = forgeToken(
      { sub: me.id, role: 'admin', email: me.email, exp: Math.floor(Date.now() / 1000) + 600 },
      'guessed-secret-guessed-secret-guessed',
    );
    expect((await api('GET', '/practices', { token: forged })).status).toBe(401);

    const expired = forgeToken(
      {
        sub: me.id,
        role: 'admin',
        email: me.email,
        iat: Math.floor(Date.now() / 1000) - 3600,
        exp: Math.floor(Date.now() / 1000) - 60,
      },
      process.env['E2E_JWT_SECRET']!,
    );
    const r = await api('GET', '/practices', { token: expired });
    expect(r.status).toBe(401);
    expect(r.body.detail).toMatch(/expired/);
  });

  it('keeps health and the OpenAPI document reachable', async () => {
    const ready = await api('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks['practice-settings'].status).toBe('up');
    const doc = (await fetch(`${process.env['API_URL']}/api/docs/openapi.json`).then((r) => r.json())) as any;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/practices', '/api/v1/practices/{practiceId}/team-members']),
    );
    expect(doc.components.schemas.CreatePracticeDto.properties.type).toBeDefined();
  });
});
