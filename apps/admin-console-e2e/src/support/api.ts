// The REST API as the browser tests use it to set up what another area owns and to check
// results. One implementation for every area's support file.
import { BASE_URL, users } from './browser';

/**
 * `waitFor`'s timeout and interval for what another service learns through events (it arrives a
 * little later): `waitFor(what, probe, ...EVENTUALLY)`.
 */
export const EVENTUALLY = [30_000, 250] as const;

export interface Credentials {
  email: string;
  password: string;
}

export interface RestResult<T = any> {
  status: number;
  body: T;
}

/** Calls `/api/v1<path>`; never throws on a status (the caller asserts it). */
export async function restCall<T = any>(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<RestResult<T>> {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body: parsed };
}

/** Calls `/api/v1<path>` and returns the body; throws with the status and the problem otherwise. */
export async function restOk<T = any>(
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const r = await restCall<T>(method, path, token, body);
  if (r.status < 200 || r.status >= 300)
    throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** An access token for a user (billing staff by default). */
export async function restToken(who: Credentials = users.staff): Promise<string> {
  const r = await restCall('POST', '/auth/login', undefined, who);
  if (r.status !== 200)
    throw new Error(`login as ${who.email} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken as string;
}

export interface PracticeInput {
  name: string;
  type?: 'solo' | 'group';
  phone?: string;
  address?: { line1: string; line2?: string; city: string; state: string; zip: string };
  [field: string]: unknown;
}

/** Creates a practice through the API (billing staff get it assigned); returns the practice view. */
export async function restCreatePractice<T = { id: string; version: number }>(
  token: string,
  input: PracticeInput,
): Promise<T> {
  return restOk<T>(token, 'POST', '/practices', {
    type: 'solo',
    phone: '(512) 555-0100',
    address: { line1: '500 W 2nd St', city: 'Austin', state: 'TX', zip: '78701' },
    ...input,
  });
}
