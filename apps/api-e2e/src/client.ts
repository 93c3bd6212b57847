import { createHmac } from 'node:crypto';

/** The stack under test, started by `npm test` (or `npm start` when run by hand). */
export const API_URL = process.env['API_URL'] ?? 'http://127.0.0.1:3000';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests through \`npm test\``);
  return value;
}

export const users = {
  admin: { email: required('E2E_ADMIN_EMAIL'), password: required('E2E_ADMIN_PASSWORD') },
  staff: { email: required('E2E_STAFF_EMAIL'), password: required('E2E_STAFF_PASSWORD') },
  owner: { email: required('E2E_OWNER_EMAIL'), password: required('E2E_OWNER_PASSWORD') },
};

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function api<T = any>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const res = await fetch(`${API_URL}${path.startsWith('/health') ? '' : '/api/v1'}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined || options.raw !== undefined
        ? { 'content-type': 'application/json' }
        : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body, headers: res.headers };
}

export async function login(who: {
  email: string;
  password: string;
}): Promise<{ accessToken: string; refreshToken: string }> {
  const r = await api('POST', '/auth/login', { body: who });
  if (r.status !== 200)
    throw new Error(`login as ${who.email} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The access token of a fresh session of `who`. */
export async function accessToken(who: { email: string; password: string }): Promise<string> {
  return (await login(who)).accessToken;
}

/** What a document is uploaded for (`kind` defaults to the front of an insurance card). */
export interface DocumentLink {
  linkedType: string;
  linkedId: string;
  kind?: string;
}

/** A browser-like multipart upload: the fields, then the file part (its filename gives the name). */
export async function uploadForm(
  token: string,
  practiceId: string,
  link: DocumentLink,
  file: Buffer,
  filename: string,
  type: string,
): Promise<ApiResponse> {
  const form = new FormData();
  form.append('linkedType', link.linkedType);
  form.append('linkedId', link.linkedId);
  form.append('kind', link.kind ?? 'insurance_card_front');
  form.append('file', new Blob([file], { type }), filename);
  const res = await fetch(`${API_URL}/api/v1/practices/${practiceId}/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/** An HS256 token signed with a key we do not know the server's secret for, or an expired one. */
export function forgeToken(claims: object, secret: string): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = enc({ alg: 'HS256', typ: 'JWT' });
  const body = enc(claims);
  const sig = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/**
 * `waitFor`'s timeout and interval for what reaches another service through events:
 * `waitFor(what, probe, ...EVENTUALLY)`.
 */
export const EVENTUALLY = [20_000, 200] as const;

export const address = { line1: '500 W 2nd St', city: 'Austin', state: 'TX', zip: '78701' };
export const billingAddress = { ...address, line2: 'Suite 300', zip: '78701-4042' };

let counter = 0;
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${(counter++).toString(36)}`;
}

/** Answers the body of a call that must succeed with `status`, or fails the test saying what came back. */
async function created<T = any>(call: Promise<ApiResponse<T>>, status = 201): Promise<T> {
  const res = await call;
  if (res.status !== status)
    throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
}

/** A new group practice in Austin, created by `token` (billing staff or admin); its id. */
export async function newPractice(token: string, name: string, phone = '(512) 555-0100'): Promise<string> {
  const practice = await created(
    api('POST', '/practices', { token, body: { type: 'group', name: uniqueName(name), phone, address } }),
  );
  return practice.id;
}

/** A clinician with a personal NPI and a taxonomy on the practice's team; their team member id. */
export async function newClinician(token: string, practiceId: string, npi = '1234567893'): Promise<string> {
  const member = await created(
    api('POST', `/practices/${practiceId}/team-members`, {
      token,
      body: {
        firstName: 'Robin',
        lastName: 'Hale',
        email: `${uniqueName('robin').replace(/\W/g, '')}@clinician.test`,
        role: 'clinician',
        credentials: ['LCSW'],
        taxonomyCode: '1041C0700X',
        npi,
      },
    }),
  );
  return member.id;
}
