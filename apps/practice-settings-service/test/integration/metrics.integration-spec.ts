import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { randomUUID } from 'node:crypto';
import { INestMicroservice } from '@nestjs/common';
import { MetricSample, MetricsHost, parseMetrics, sampleSum } from '@claimline/backend/util-metrics';
import { rpcError, waitFor } from '@claimline/backend/util-testing';
import { address, admin, Harness } from './harness';

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

describe('practice-settings metrics on METRICS_PORT (real PostgreSQL and NATS)', () => {
  const h = new Harness();
  let app: INestMicroservice;
  let port: number;
  const RELAY_DELAY_MS = 3000;

  const scrape = async (): Promise<MetricSample[]> => {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(res.status).toBe(200);
    return parseMetrics(await res.text());
  };

  beforeAll(async () => {
    await h.setUp();
    // The relay waits, so the first events stay in the outbox long enough to be seen as lag.
    app = await h.start({ METRICS_PORT: '0', OUTBOX_RELAY_START_DELAY_MS: String(RELAY_DELAY_MS) });
    port = app.get(MetricsHost).address!.port;
  });
  afterAll(() => h.tearDown());

  it("listens on loopback only by default: the machine's other address is refused", async () => {
    expect(app.get(MetricsHost).address!.host).toBe('127.0.0.1');
    expect(await accepts('127.0.0.1', port)).toBe(true);
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (external) expect(await accepts(external, port)).toBe(false);
  });

  it('counts RPC requests on both sides, the outbox lag while events wait, and what the relay published', async () => {
    const before = await scrape();
    const created = await h.rpc.send(
      'practice-settings.practice.create',
      { type: 'solo', name: 'Metrics Counseling', phone: '5125550100', address },
      { actor: admin },
    );
    const missing = await rpcError(
      h.rpc.send('practice-settings.practice.get', { practiceId: randomUUID() }, { actor: admin }),
    );
    expect(missing.code).toBe('not_found');

    const held = await scrape();
    const count = (samples: MetricSample[], name: string, labels: Record<string, string>) =>
      sampleSum(samples, `${name}_count`, labels) - sampleSum(before, `${name}_count`, labels);
    const create = { subject: 'practice-settings.practice.create', outcome: 'ok' };
    const notFound = { subject: 'practice-settings.practice.get', outcome: 'not_found' };
    expect(count(held, 'claimline_rpc_server_duration_seconds', create)).toBe(1);
    expect(count(held, 'claimline_rpc_server_duration_seconds', notFound)).toBe(1);
    // the test's client runs in the same process, so its side is in the same registry
    expect(count(held, 'claimline_rpc_client_duration_seconds', create)).toBe(1);
    expect(count(held, 'claimline_rpc_client_duration_seconds', notFound)).toBe(1);
    expect(
      sampleSum(held, 'claimline_rpc_server_duration_seconds_count', { service: 'practice-settings' }),
    ).toBeGreaterThan(0);

    // the practice.created event is still in the outbox: its age is the lag
    expect(sampleSum(held, 'claimline_outbox_lag_seconds', { schema: 'practice_settings' })).toBeGreaterThan(
      0,
    );
    const [{ n }] = await h.sql.query(
      'SELECT count(*)::int AS n FROM practice_settings.outbox WHERE published_at IS NULL',
    );
    expect(n).toBeGreaterThan(0);

    // the pool the service's queries ran on
    const pool = (state: string) => sampleSum(held, 'claimline_db_pool_connections', { state });
    expect(pool('in_use') + pool('idle')).toBeGreaterThan(0);
    expect(
      held.some((s) => s.name === 'claimline_db_pool_connections' && s.labels['state'] === 'waiting'),
    ).toBe(true);

    await h.eventsOf(created.id, 1);
    const published = (s: MetricSample[]) =>
      sampleSum(s, 'claimline_outbox_published_total', { schema: 'practice_settings' });
    const drained = await waitFor(
      'the relay to publish and the lag to fall to 0',
      async () => {
        const s = await scrape();
        return sampleSum(s, 'claimline_outbox_lag_seconds', { schema: 'practice_settings' }) === 0 ? s : null;
      },
      20_000,
    );
    expect(published(drained) - published(before)).toBe(n);
    expect(drained.some((s) => s.name === 'claimline_outbox_lag_seconds')).toBe(true);
  });

  it('has the process metrics of Node, named after the service', async () => {
    const samples = await scrape();
    const names = new Set(
      samples.filter((s) => s.labels['service'] === 'practice-settings').map((s) => s.name),
    );
    for (const name of [
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_heap_size_used_bytes',
      'process_cpu_seconds_total',
    ])
      expect([...names]).toContain(name);
  });
});
