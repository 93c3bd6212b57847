import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { connect } from 'nats';
import { generateAssertionKeys } from '@claimline/backend/util-auth';
import {
  deleteTestStreams,
  freePort,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
  waitFor,
} from '@claimline/backend/util-testing';
import { gatewayDatabase, login, spawnFromSources, stackEnv, stopProcess } from './harness';

interface OtlpSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

type OtlpValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean };
type OtlpAttribute = { key: string; value: OtlpValue };

/** OTLP/JSON ids are hex; protobuf-style JSON encoders write base64: read both. */
function hexId(id: string | undefined): string {
  if (!id) return '';
  return /^[0-9a-f]+$/i.test(id) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex');
}

function attributes(list: OtlpAttribute[] = []): Record<string, unknown> {
  return Object.fromEntries(
    list.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue]),
  );
}

/**
 * A real OTLP/HTTP trace receiver (`POST /v1/traces`, JSON as `@opentelemetry/exporter-trace-otlp-http`
 * sends it): every app of the test exports to it as it would to a collector.
 */
async function otlpReceiver(): Promise<{ server: Server; url: string; spans: OtlpSpan[] }> {
  const spans: OtlpSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString()) as {
        resourceSpans: {
          resource: { attributes: OtlpAttribute[] };
          scopeSpans: {
            spans: (Omit<OtlpSpan, 'service' | 'attributes'> & { attributes?: OtlpAttribute[] })[];
          }[];
        }[];
      };
      for (const rs of body.resourceSpans) {
        const service = String(attributes(rs.resource.attributes)['service.name']);
        for (const ss of rs.scopeSpans)
          for (const s of ss.spans)
            spans.push({
              service,
              traceId: hexId(s.traceId),
              spanId: hexId(s.spanId),
              parentSpanId: hexId(s.parentSpanId),
              name: s.name,
              kind: s.kind,
              attributes: attributes(s.attributes),
            });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

/**
 * The gateway, practice-settings and client-insurance as processes from their sources, on the real
 * NATS and PostgreSQL, exporting to an OTLP receiver in this test: one request makes one trace,
 * from the HTTP request through the RPC into practice-settings and its SQL, through its outbox and
 * JetStream into client-insurance's consumer (ADR 0029); and the logs carry the trace id.
 */
describe('one trace from the HTTP request to the event consumer (OpenTelemetry)', () => {
  let db: TestDatabase;
  let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
  const events = testEventsConfig();
  const children: { name: string; child: ChildProcess }[] = [];
  const lines: string[] = [];
  let base = '';
  let token = '';

  function start(name: string, entry: string, vars: NodeJS.ProcessEnv): ChildProcess {
    let partial = '';
    const child = spawnFromSources(entry, vars, (chunk) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) if (line.trim()) lines.push(`[${name}] ${line}`);
    });
    children.push({ name, child });
    return child;
  }

  beforeAll(async () => {
    receiver = await otlpReceiver();
    db = await gatewayDatabase();
    const port = await freePort();
    const vars = stackEnv(
      { db, events, adminEmail: 'admin@tracing.test' },
      {
        LOG_LEVEL: 'debug',
        PHI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        RATE_LIMIT_PER_MINUTE: '100000',
        RPC_TIMEOUT_MS: '10000',
        PORT: String(port),
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
    );
    for (const service of ['practice-settings', 'client-insurance']) {
      const migrate = start(`${service}-migrate`, `apps/${service}-service/src/migrate.ts`, vars);
      const code = await new Promise<number | null>((done) => migrate.once('exit', done));
      if (code !== 0) throw new Error(`${service} migrations failed:\n${lines.join('\n')}`);
    }
    const keys = new Map(
      ['practice-settings', 'client-insurance', 'api-gateway'].map((i) => [i, generateAssertionKeys()]),
    );
    const trusted = [...keys].map(([issuer, k]) => `${issuer}=${k.publicKey}`).join(',');
    const own = (issuer: string) => ({
      RPC_SIGNING_KEY: keys.get(issuer)!.privateKey,
      RPC_TRUSTED_KEYS: trusted,
    });
    start('practice-settings', 'apps/practice-settings-service/src/main.ts', {
      ...vars,
      ...own('practice-settings'),
    });
    start('client-insurance', 'apps/client-insurance-service/src/main.ts', {
      ...vars,
      ...own('client-insurance'),
    });
    start('gateway', 'apps/api-gateway/src/main.ts', { ...vars, ...own('api-gateway') });
    base = `http://127.0.0.1:${port}`;
    await waitFor(
      'the gateway signs in',
      async () => {
        for (const { name, child } of children)
          if (child.exitCode !== null && !name.endsWith('-migrate'))
            throw new Error(`${name} exited:\n${lines.slice(-30).join('\n')}`);
        token = await login(base, 'admin@tracing.test').catch(() => '');
        return token !== '';
      },
      180_000,
      500,
    );
    // client-insurance has made its durable consumer
    await waitFor(
      'client-insurance consumes',
      async () =>
        lines.some((l) => l.startsWith('[client-insurance]') && /consum|listening|started/i.test(l)),
      120_000,
      500,
    );
  }, 300_000);

  afterAll(async () => {
    await Promise.all(children.map(({ child }) => stopProcess(child)));
    receiver?.server.close();
    const nc = await connect({ servers: testNatsUrl() });
    await deleteTestStreams(nc, events.streamPrefix).catch(() => undefined);
    await nc.close();
    await db?.drop();
  }, 60_000);

  it('joins gateway, practice-settings (RPC, SQL, outbox relay) and client-insurance (consumer) in the caller’s trace', async () => {
    const traceId = randomBytes(16).toString('hex');
    const res = await fetch(`${base}/api/v1/practices`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify({
        type: 'solo',
        name: 'Traced Practice',
        phone: '5125550100',
        address: { line1: '1 Main St', city: 'Austin', state: 'TX', zip: '78701' },
      }),
    });
    expect(res.status).toBe(201);
    const requestId = res.headers.get('x-request-id');

    const trace = () => receiver.spans.filter((s) => s.traceId === traceId);
    const consumed = () =>
      trace().find(
        (s) => s.service === 'client-insurance' && s.name === 'practice-settings.practice.created process',
      );
    await waitFor('the consumer span arrives', async () => consumed() !== undefined, 60_000, 200);

    const spans = trace();
    const one = (service: string, name: string | RegExp) => {
      const found = spans.filter(
        (s) => s.service === service && (typeof name === 'string' ? s.name === name : name.test(s.name)),
      );
      expect(found.map((s) => `${s.service}: ${s.name}`)).toHaveLength(1);
      return found[0];
    };
    const http = one('api-gateway', 'POST /api/v1/practices');
    const rpc = one('api-gateway', 'practice-settings.practice.create request');
    const served = one('practice-settings', /practice-settings\.practice\.create process$/);
    const publish = one('practice-settings', 'practice-settings.practice.created publish');
    const consumer = consumed()!;

    // parent → child, across three processes and NATS (request-reply, then JetStream)
    expect(rpc.parentSpanId).toBe(http.spanId);
    expect(served.parentSpanId).toBe(rpc.spanId);
    expect(publish.parentSpanId).toBe(served.spanId);
    expect(consumer.parentSpanId).toBe(publish.spanId);
    expect(http.attributes['http.route']).toBe('/api/v1/practices');
    expect(http.attributes['http.response.status_code']).toBe(201);

    // the SQL of the handler and of the consumer, as children of their spans; statements only
    const sql = spans.filter(
      (s) => s.attributes['db.system.name'] === 'postgresql' || s.attributes['db.system'] === 'postgresql',
    );
    expect(sql.some((s) => s.service === 'practice-settings' && s.parentSpanId === served.spanId)).toBe(true);
    expect(sql.some((s) => s.service === 'client-insurance')).toBe(true);
    expect(JSON.stringify(sql)).not.toContain('Traced Practice');

    // the trace id and the request id in the log lines of the request
    const logged = lines
      .filter((l) => l.includes(traceId))
      .map((l) => JSON.parse(l.slice(l.indexOf('{'))) as Record<string, any>);
    const requestLine = logged.find((l) => l['route'] === '/api/v1/practices');
    expect(requestLine).toMatchObject({ traceId, req: { id: requestId } });
  });
});
