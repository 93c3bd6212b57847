import { InProcessGateway, startGatewayInProcess } from './harness';

interface ProblemBody {
  status: number;
  detail: string;
  errors?: { field: string; rule: string; message: string }[];
}

/**
 * The cases of issue #13 that were 500s (or reached a service): every one is refused by the
 * gateway itself, before any service is asked — no practice-settings service runs here, so a
 * request that got through validation would be a 503.
 */
describe('gateway refuses hostile input before any service sees it', () => {
  let gateway: InProcessGateway;
  let base: string;
  let token: string;
  const practiceId = '6f1d2c3b-0000-4000-8000-000000000001';

  beforeAll(async () => {
    gateway = await startGatewayInProcess('admin@hostile.test');
    ({ base, token } = gateway);
  });

  afterAll(() => gateway?.close());

  const send = async (method: string, path: string, body: string, auth = true) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(auth && { authorization: `Bearer ${token}` }) },
      body,
    });
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return { status: res.status, body: (await res.json()) as ProblemBody };
  };

  const practice = (name: string) =>
    JSON.stringify({
      type: 'solo',
      name,
      phone: '512-555-0100',
      address: { line1: '1 Main St', city: 'Austin', state: 'TX', zip: '78701-1234' },
    });

  it('answers JSON nested 2,000 deep on /auth/login with 400 naming the depth limit', async () => {
    const deep = '{"email":' + '{"a":'.repeat(2_000) + '1' + '}'.repeat(2_000) + ',"password":"x"}';
    const { status, body } = await send('POST', '/auth/login', deep, false);
    expect(status).toBe(400);
    expect(body.detail).toBe('The body is refused: objects and arrays are nested deeper than 32 levels');
    expect(body.errors?.[0]).toMatchObject({ rule: 'max_depth', field: 'email.a.a.a.a.a.a.a…' });
  });

  it('refuses a lone surrogate in the login e-mail with 422 naming email (no URIError)', async () => {
    const { status, body } = await send(
      'POST',
      '/auth/login',
      '{"email":"someone\\ud800@example.com","password":"whatever-password"}',
      false,
    );
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'email', rule: 'well_formed_unicode' })]);
  });

  it.each([
    ['a NUL character', 'Calm\u0000Minds', 'no_nul'],
    ['a right-to-left override', 'Calm \u202Esdni\u202C', 'no_bidi_controls'],
    ['an ANSI escape sequence', '\u001b[31mCalm Minds', 'no_control_characters'],
    ['only spaces', '   ', 'not_blank'],
  ])('refuses %s in a practice name with 422 naming name', async (_, name, rule) => {
    const { status, body } = await send('POST', '/practices', practice(name));
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'name', rule })]);
  });

  it('refuses a NUL in a nested field, naming its path', async () => {
    const body = JSON.parse(practice('Calm Minds'));
    body.address.line1 = '1 Main\u0000St';
    const res = await send('POST', '/practices', JSON.stringify(body));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'address.line1', rule: 'no_nul' })]);
  });

  it('refuses null for a non-nullable field on PATCH with 422 naming it', async () => {
    const { status, body } = await send(
      'PATCH',
      `/practices/${practiceId}`,
      JSON.stringify({ version: 1, name: null, phone: null }),
    );
    expect(status).toBe(422);
    expect(body.errors).toEqual([
      expect.objectContaining({ field: 'name', rule: 'not_null' }),
      expect.objectContaining({ field: 'phone', rule: 'not_null' }),
    ]);
  });

  it('refuses a name of only spaces on PATCH', async () => {
    const { status, body } = await send('PATCH', `/practices/${practiceId}`, '{"version":1,"name":"   "}');
    expect(status).toBe(422);
    expect(body.errors).toEqual([expect.objectContaining({ field: 'name', rule: 'not_blank' })]);
  });

  it('still lets a nullable field be cleared with null (reaching the service: 503 here)', async () => {
    const { status } = await send(
      'PATCH',
      `/practices/${practiceId}`,
      JSON.stringify({ version: 1, legalName: null, email: null }),
    );
    expect(status).toBe(503);
  });
});
