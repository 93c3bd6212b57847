import { accessToken, address, api, uniqueName, users } from './client';

/** The cases of issue #13 that were server errors or stored junk, against the whole stack. */
describe('hostile input (issue #13)', () => {
  let token: string;
  let practice: { id: string; version: number; name: string };
  let memberId: string;

  beforeAll(async () => {
    token = await accessToken(users.admin);
    const created = await api('POST', '/practices', {
      token,
      body: { type: 'solo', name: uniqueName('Hostile Input'), phone: '512-555-0177', address },
    });
    expect(created.status).toBe(201);
    practice = created.body;
    const member = await api('POST', `/practices/${practice.id}/team-members`, {
      token,
      body: {
        firstName: 'Hostile',
        lastName: 'Input',
        email: `hostile-${practice.id}@example.invalid`,
        role: 'staff',
      },
    });
    expect(member.status).toBe(201);
    memberId = member.body.id;
  });

  const refused = (r: { status: number; body: any; headers: Headers }, field: string, rule: string) => {
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.errors).toEqual([expect.objectContaining({ field, rule })]);
  };

  it('refuses JSON nested 2,000 deep on /auth/login with 400 naming the limit', async () => {
    const r = await api('POST', '/auth/login', {
      raw: '{"email":' + '['.repeat(2_000) + ']'.repeat(2_000) + ',"password":"x"}',
    });
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/nested deeper than 32 levels/);
  });

  it('refuses a lone surrogate in the login e-mail with 422 naming email', async () => {
    refused(
      await api('POST', '/auth/login', {
        raw: '{"email":"nobody\\udc00@example.invalid","password":"whatever"}',
      }),
      'email',
      'well_formed_unicode',
    );
  });

  it.each([
    ['a NUL character', 'Calm\u0000Minds', 'no_nul'],
    ['a right-to-left override', 'Calm \u202Esdnim', 'no_bidi_controls'],
    ['an ANSI escape sequence', '\u001b[2JCalm Minds', 'no_control_characters'],
    ['only spaces', '   ', 'not_blank'],
  ])('refuses %s in a practice name', async (_, name, rule) => {
    refused(
      await api('PATCH', `/practices/${practice.id}`, { token, body: { version: practice.version, name } }),
      'name',
      rule,
    );
  });

  it('refuses null for a non-nullable field on PATCH, and still clears a nullable one', async () => {
    refused(
      await api('PATCH', `/practices/${practice.id}`, {
        token,
        body: { version: practice.version, name: null },
      }),
      'name',
      'not_null',
    );
    refused(
      await api('PATCH', `/practices/${practice.id}/team-members/${memberId}`, {
        token,
        body: { version: 1, email: null },
      }),
      'email',
      'not_null',
    );
    const cleared = await api('PATCH', `/practices/${practice.id}`, {
      token,
      body: { version: practice.version, legalName: null, email: null },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ legalName: null, email: null, name: practice.name });
  });
});
