import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import {
  registry,
  rpcClientDuration,
  scrapeGauge,
  SCRAPE_READ_TIMEOUT_MS,
  startProcessMetrics,
} from './metrics';
import { MetricsServer, startMetricsServer } from './metrics-server';
import { parseMetrics, sampleSum } from './parse-metrics';

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

const externalIpv4 = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

describe('metrics server', () => {
  let server: MetricsServer;

  beforeAll(async () => {
    startProcessMetrics('unit-test');
    server = await startMetricsServer({ port: 0 });
  });
  afterAll(() => server.close());

  const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;

  it('serves the registry in the text format, named after the process, with Node default metrics', async () => {
    rpcClientDuration.observe({ subject: 'probe.get', outcome: 'ok' }, 0.004);
    const res = await fetch(url('/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const samples = parseMetrics(await res.text());
    expect(
      sampleSum(samples, 'claimline_rpc_client_duration_seconds_count', {
        subject: 'probe.get',
        service: 'unit-test',
      }),
    ).toBeGreaterThanOrEqual(1);
    for (const name of [
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_heap_size_used_bytes',
      'process_cpu_seconds_total',
    ])
      expect(samples.some((s) => s.name === name)).toBe(true);
  });

  it('answers nothing but GET /metrics', async () => {
    expect((await fetch(url('/'))).status).toBe(404);
    expect((await fetch(url('/metrics/extra'))).status).toBe(404);
    const post = await fetch(url('/metrics'), { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('listens on loopback only by default: another address of the machine is refused', async () => {
    expect(server.host).toBe('127.0.0.1');
    expect(await accepts('127.0.0.1', server.port)).toBe(true);
    // The machine's own non-loopback address, when it has one (CI machines do).
    if (externalIpv4) expect(await accepts(externalIpv4, server.port)).toBe(false);
  });

  it('says which address it could not take', async () => {
    await expect(startMetricsServer({ port: server.port })).rejects.toThrow(
      `metrics server could not listen on 127.0.0.1:${server.port}: EADDRINUSE`,
    );
  });
});

describe('gauges read at scrape time', () => {
  it(
    'read every source on each scrape and leave out the one that fails or hangs',
    async () => {
      const gauge = scrapeGauge('claimline_test_things', 'test', ['kind']);
      let n = 0;
      const removeGood = gauge.add(() => [{ labels: { kind: 'good' }, value: ++n }]);
      gauge.add(async () => {
        throw new Error('database down');
      });
      gauge.add(() => new Promise(() => undefined));
      const scrape = async () => parseMetrics(await registry.metrics());
      let samples = await scrape();
      expect(sampleSum(samples, 'claimline_test_things', { kind: 'good' })).toBe(1);
      samples = await scrape();
      expect(sampleSum(samples, 'claimline_test_things', { kind: 'good' })).toBe(2);
      // counted while the first scrape was read, so shown from the next one on
      expect(
        sampleSum(samples, 'claimline_metrics_read_errors_total', { metric: 'claimline_test_things' }),
      ).toBeGreaterThanOrEqual(2);
      removeGood();
      samples = await scrape();
      expect(samples.some((s) => s.name === 'claimline_test_things')).toBe(false);
    },
    4 * SCRAPE_READ_TIMEOUT_MS + 5000,
  );
});
