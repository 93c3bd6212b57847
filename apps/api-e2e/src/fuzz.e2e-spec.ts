import { randomUUID } from 'node:crypto';
import { accessToken, address, api, API_URL, uniqueName, users } from './client';

/**
 * Hostile input on every operation of the OpenAPI document (issue #13): each body property gets
 * NUL, a lone surrogate, a bidi override, 100 kB, a wrong type, null and 2,000 levels of nesting;
 * path and query parameters get non-UUIDs, huge values, control characters and nested objects.
 * Nothing may be a 5xx, every 4xx is problem+json. The operations are read from `/api/docs-json`,
 * so a new route is fuzzed without this file changing. Deterministic: no randomness in the cases.
 */

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minLength?: number;
};
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
interface Case {
  label: string;
  method: string;
  path: string;
  raw?: string;
  token?: string;
  /** Hostile bytes that must never be accepted: the answer has to be a 4xx. */
  mustRefuse: boolean;
}

const deep = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const HUGE = 'x'.repeat(100_000);
/** What the JSON text of a body property becomes in each variant (raw, to keep lone surrogates). */
const BODY_VARIANTS: [string, (s: Schema) => string, boolean][] = [
  ['NUL', () => '"a\\u0000b"', true],
  ['lone surrogate', () => '"a\\ud800b"', true],
  ['bidi override', () => '"a\\u202Eb"', false],
  ['ANSI escape', () => '"\\u001b[31ma"', true],
  ['100 kB string', () => JSON.stringify(HUGE), false],
  ['wrong type', (s) => (s.type === 'string' || s.enum ? '12345' : '"not the right type"'), false],
  ['null', () => 'null', false],
  ['2,000 deep', () => deep(2_000), true],
  ['unicode', () => JSON.stringify('Zoë 😀 مركز 心理'), false],
];
const PARAM_VARIANTS: [string, string, boolean][] = [
  ['non-UUID', 'not-a-uuid', false],
  ['huge', 'x'.repeat(8_000), false],
  ['NUL', '%00', false],
  ['lone surrogate (bad UTF-8)', '%ED%A0%80', false],
  ['bidi override', '%E2%80%AE', false],
];

describe('API fuzz: every operation of the OpenAPI document with hostile input', () => {
  let doc: Doc;
  let token: string;
  const ids: Record<string, string> = {};

  const resolve = (schema: Schema | undefined): Schema => {
    let s = schema ?? {};
    while (s.$ref) s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] ?? {};
    return s;
  };

  /** A plausible body: every required property with a value of its type (validity is not the point). */
  const baseValue = (schema: Schema | undefined, depth = 0): unknown => {
    const s = resolve(schema);
    if (s.enum) return s.enum[0];
    if (s.properties && depth < 4)
      return Object.fromEntries((s.required ?? []).map((k) => [k, baseValue(s.properties?.[k], depth + 1)]));
    if (s.type === 'integer' || s.type === 'number') return 1;
    if (s.type === 'boolean') return false;
    if (s.type === 'array') return [];
    if (s.format === 'email') return `fuzz-${ids['practiceId']?.slice(0, 8)}@example.invalid`;
    if (s.format === 'uuid') return randomUUID();
    if (s.type === 'object') return {};
    return 'Fuzz';
  };

  const pathWith = (template: string, override: Record<string, string> = {}): string =>
    template
      .replace(/^\/api\/v1/, '')
      .replace(/\{(\w+)\}/g, (_, name: string) => override[name] ?? ids[name] ?? randomUUIDFor(name));
  // A fixed id per parameter name that does not exist: deterministic across runs.
  const randomUUIDFor = (name: string) =>
    `00000000-0000-4000-8000-${Buffer.from(name).toString('hex').padEnd(12, '0').slice(0, 12)}`;

  beforeAll(async () => {
    const res = await fetch(`${API_URL}/api/docs-json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
    token = await accessToken(users.admin);
    // Records of a practice of its own, so that a hostile body reaches validation on a route that
    // needs an existing record, and anything a bug let through lands nowhere the other suites look.
    const practice = await api('POST', '/practices', {
      token,
      body: { type: 'group', name: uniqueName('Fuzz Practice'), phone: '512-555-0199', address },
    });
    expect(practice.status).toBe(201);
    ids['practiceId'] = practice.body.id;
    const member = await api('POST', `/practices/${practice.body.id}/team-members`, {
      token,
      body: {
        firstName: 'Fuzz',
        lastName: 'Member',
        email: `fuzz-${practice.body.id}@example.invalid`,
        role: 'clinician',
      },
    });
    expect(member.status).toBe(201);
    ids['memberId'] = member.body.id;
    const client = await api('POST', `/practices/${practice.body.id}/clients`, {
      token,
      body: { firstName: 'Fuzz', lastName: 'Client', birthDate: '1990-01-01' },
    });
    expect(client.status).toBe(201);
    ids['clientId'] = client.body.id;
    ids['code'] = '101YM0800X';
  });

  it('answers every hostile request without a 5xx, and every 4xx as problem+json', async () => {
    const cases: Case[] = [];
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const verb = method.toUpperCase();
        const secured = (op.security ?? []).length > 0;
        const auth = secured || template.startsWith('/api/v1/auth/me') ? token : undefined;
        const json = op.requestBody?.content['application/json']?.schema;
        const base = json ? (baseValue(json) as Record<string, unknown>) : undefined;
        const rawBase = base ? JSON.stringify(base) : undefined;
        if (secured)
          cases.push({
            label: 'anonymous',
            method: verb,
            path: pathWith(template),
            raw: rawBase,
            mustRefuse: true,
          });
        if (json && base) {
          const schema = resolve(json);
          const props = Object.entries(schema.properties ?? {});
          for (const [name, prop] of props) {
            for (const [label, value, mustRefuse] of BODY_VARIANTS) {
              // Valid unicode may be accepted: only where what it creates lands in the fuzz practice.
              if (label === 'unicode' && !template.includes('{practiceId}')) continue;
              const others = JSON.stringify({ ...base, [name]: undefined }).slice(1, -1);
              const raw = `{${others}${others ? ',' : ''}"${name}":${value(resolve(prop))}}`;
              cases.push({
                label: `${name}: ${label}`,
                method: verb,
                path: pathWith(template),
                raw,
                token: auth,
                mustRefuse,
              });
            }
            const nested = resolve(prop);
            for (const [inner, innerProp] of Object.entries(nested.properties ?? {})) {
              if (resolve(innerProp).type !== 'string') continue;
              const value = { ...(baseValue(prop) as object), [inner]: 'a\u0000b' };
              cases.push({
                label: `${name}.${inner}: NUL`,
                method: verb,
                path: pathWith(template),
                raw: JSON.stringify({ ...base, [name]: value }),
                token: auth,
                mustRefuse: true,
              });
            }
          }
          cases.push({
            label: 'whole body 2,000 deep',
            method: verb,
            path: pathWith(template),
            raw: deep(2_000),
            token: auth,
            mustRefuse: true,
          });
          cases.push({
            label: 'body is an array',
            method: verb,
            path: pathWith(template),
            raw: '[1,2,3]',
            token: auth,
            mustRefuse: true,
          });
        }
        for (const param of op.parameters ?? []) {
          for (const [label, value] of PARAM_VARIANTS) {
            const path =
              param.in === 'path'
                ? pathWith(template, { [param.name]: value })
                : `${pathWith(template)}?${param.name}=${value}`;
            cases.push({
              label: `${param.in} ${param.name}: ${label}`,
              method: verb,
              path,
              raw: rawBase,
              token: auth,
              mustRefuse: false,
            });
          }
          if (param.in === 'query')
            cases.push({
              label: `query ${param.name}: nested object`,
              method: verb,
              path: `${pathWith(template)}?${param.name}[a][b]=1&${param.name}=2`,
              raw: rawBase,
              token: auth,
              mustRefuse: false,
            });
        }
      }
    }

    const failures: string[] = [];
    const started = Date.now();
    for (const c of cases) {
      // Logging out with a hostile body must not end the shared admin session: no token there.
      const bearer = /^\/auth\/(logout|refresh|login)/.test(c.path) ? undefined : c.token;
      const res = await fetch(`${API_URL}${c.path.startsWith('/health') ? '' : '/api/v1'}${c.path}`, {
        method: c.method,
        headers: {
          ...(c.raw !== undefined && c.method !== 'GET' && { 'content-type': 'application/json' }),
          ...(bearer && { authorization: `Bearer ${bearer}` }),
        },
        body: c.method === 'GET' || c.method === 'DELETE' ? undefined : c.raw,
      });
      await res.arrayBuffer();
      const type = res.headers.get('content-type') ?? '';
      const where = `${c.method} ${c.path.slice(0, 120)} [${c.label}]`;
      if (res.status >= 500) failures.push(`${where}: ${res.status}`);
      else if (res.status >= 400 && !type.includes('application/problem+json'))
        failures.push(`${where}: ${res.status} as ${type || 'no content type'}`);
      else if (c.mustRefuse && res.status < 400) failures.push(`${where}: accepted with ${res.status}`);
    }
    expect(cases.length).toBeGreaterThan(1_000);
    expect(failures).toEqual([]);
    expect(Date.now() - started).toBeLessThan(45_000);
  }, 60_000);
});
