import { randomUUID } from 'node:crypto';
import { MetricsHost, parseMetrics, sampleSum } from '@claimline/backend/util-metrics';
import { InProcessGateway, startGatewayInProcess } from './harness';

describe('gateway metrics on METRICS_PORT (real PostgreSQL and NATS)', () => {
  let gw: InProcessGateway;
  let metricsUrl: string;

  beforeAll(async () => {
    gw = await startGatewayInProcess('metrics-admin@claimline.test', { METRICS_PORT: '0' });
    const address = gw.app.get(MetricsHost).address!;
    expect(address.host).toBe('127.0.0.1');
    metricsUrl = `http://127.0.0.1:${address.port}/metrics`;
  });
  afterAll(() => gw?.close());

  it('times API requests by route template and RPC calls by outcome, with no id in the scrape', async () => {
    const practiceId = randomUUID();
    const before = parseMetrics(await (await fetch(metricsUrl)).text());
    // No service listens on the gateway's own NATS server: the call is 503, its RPC outcome unavailable.
    const res = await fetch(`${gw.base}/api/v1/practices/${practiceId}`, {
      headers: { authorization: `Bearer ${gw.token}` },
    });
    expect(res.status).toBe(503);
    expect((await fetch(`${gw.base}/health/live`)).status).toBe(200);

    const text = await (await fetch(metricsUrl)).text();
    const after = parseMetrics(text);
    const moved = (name: string, labels: Record<string, string>) =>
      sampleSum(after, name, labels) - sampleSum(before, name, labels);
    expect(
      moved('claimline_http_request_duration_seconds_count', {
        route: '/api/v1/practices/:practiceId',
        method: 'GET',
        status_class: '5xx',
        service: 'api-gateway',
      }),
    ).toBe(1);
    expect(
      moved('claimline_http_request_duration_seconds_count', { route: '/health/live', status_class: '2xx' }),
    ).toBe(1);
    expect(
      moved('claimline_rpc_client_duration_seconds_count', {
        subject: 'practice-settings.practice.get',
        outcome: 'unavailable',
      }),
    ).toBeGreaterThanOrEqual(1);
    // sign-in ran before: its route is there too
    expect(
      sampleSum(after, 'claimline_http_request_duration_seconds_count', {
        route: '/api/v1/auth/login',
        method: 'POST',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(sampleSum(after, 'claimline_db_pool_connections', { service: 'api-gateway' })).toBeGreaterThan(0);
    expect(text).not.toContain(practiceId);
  });

  it('is not on the API port', async () => {
    expect((await fetch(`${gw.base}/metrics`)).status).toBe(404);
  });
});
