// @ts-check
// The idempotent demo seed, through the public API (so it exercises the real paths):
// an admin (bootstrapped by the gateway), a billing staff member, a demo practice and its owner.
import { DEMO } from './secrets.mjs';

/**
 * One API call. The body is the API's JSON as parsed, its shape the API's (see the contracts).
 * @param {string} base the gateway's URL
 * @param {string} method
 * @param {string} path under /api/v1
 * @param {string | undefined} token
 * @param {unknown} [body]
 * @returns {Promise<{ status: number, body: any }>}
 */
async function call(base, method, path, token, body) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  return { status: res.status, body: json };
}

/**
 * @param {string} base
 * @param {string} email
 * @param {string} password
 * @returns {Promise<string>} the access token
 */
async function login(base, email, password) {
  const r = await call(base, 'POST', '/auth/login', undefined, { email, password });
  if (r.status === 401) {
    throw new Error(
      `seed: ${email} exists in this database with another password — the database was set up from another ` +
        'checkout or with other .data/local-secrets.json. Use that checkout, point DATABASE_URL at another database, ' +
        'or drop this one to start afresh.',
    );
  }
  if (r.status !== 200) throw new Error(`seed: cannot sign in as ${email}: ${r.body?.detail ?? r.status}`);
  return r.body.accessToken;
}

/**
 * @param {string} base
 * @param {string} token
 * @param {{ email: string, displayName: string, password: string, role: string, practiceId?: string }} user
 * @returns {Promise<{ id: string }>}
 */
async function ensureUser(base, token, user) {
  const r = await call(base, 'POST', '/users', token, user);
  if (r.status === 201) return r.body;
  if (
    r.status === 422 &&
    r.body.errors?.some(
      (/** @type {{ field: string, rule: string }} */ e) => e.field === 'email' && e.rule === 'unique',
    )
  ) {
    const all = await call(base, 'GET', `/users?role=${user.role}&limit=200`, token);
    return all.body.items.find((/** @type {{ email: string }} */ u) => u.email === user.email);
  }
  throw new Error(`seed: creating ${user.email} failed: ${JSON.stringify(r.body)}`);
}

/**
 * @param {string} base the gateway's URL
 * @param {import('./secrets.mjs').LocalSecrets} secrets
 */
export async function seedDemo(base, secrets) {
  const admin = await login(base, DEMO.admin, secrets.adminPassword);
  const staff = await ensureUser(base, admin, {
    email: DEMO.staff,
    displayName: 'Billing Team',
    password: secrets.staffPassword,
    role: 'billing_staff',
  });
  const found = await call(base, 'GET', `/practices?search=${encodeURIComponent(DEMO.practiceName)}`, admin);
  let practice = found.body.items.find((/** @type {{ name: string }} */ p) => p.name === DEMO.practiceName);
  if (!practice) {
    const created = await call(base, 'POST', '/practices', admin, {
      type: 'solo',
      name: DEMO.practiceName,
      phone: '(512) 555-0142',
      email: 'hello@demo-practice.local',
      address: { line1: '600 Congress Ave', line2: 'Suite 200', city: 'Austin', state: 'TX', zip: '78701' },
    });
    if (created.status !== 201)
      throw new Error(`seed: creating the demo practice failed: ${JSON.stringify(created.body)}`);
    practice = created.body;
    await call(base, 'POST', `/practices/${practice.id}/team-members`, admin, {
      firstName: 'Dana',
      lastName: 'Rivera',
      email: DEMO.owner,
      role: 'owner',
      npi: '1234567893',
    });
  }
  const staffToken = await login(base, DEMO.staff, secrets.staffPassword);
  const assigned = (await call(base, 'GET', '/auth/me', staffToken)).body.practiceIds ?? [];
  if (!assigned.includes(practice.id)) {
    await call(base, 'PUT', `/users/${staff.id}/practices`, admin, {
      practiceIds: [...assigned, practice.id],
    });
  }
  await ensureUser(base, admin, {
    email: DEMO.owner,
    displayName: 'Dana Rivera',
    password: secrets.ownerPassword,
    role: 'practice_owner',
    practiceId: practice.id,
  });
  return { practice };
}
