import { connect, NatsConnection } from 'nats';
import { InProcessGateway, startGatewayInProcess } from './harness';

/**
 * The gateway on real PostgreSQL and NATS with no practice-settings service running (503) and
 * with one that takes a request and never answers (504): neither is ever a 500.
 */
describe('gateway when a service is missing or silent', () => {
  let gateway: InProcessGateway;
  let base: string;
  let token: string;
  let nc: NatsConnection;

  beforeAll(async () => {
    gateway = await startGatewayInProcess('admin@it.test');
    ({ base, token } = gateway);
    nc = await connect({ servers: gateway.nats.url });
  });

  afterAll(async () => {
    await nc?.close();
    await gateway?.close();
  });

  const getPractice = () =>
    fetch(`${base}/api/v1/practices/6f1d2c3b-0000-4000-8000-000000000001`, {
      headers: { authorization: `Bearer ${token}` },
    });

  it('answers 503 problem+json when no instance of the service is listening, and says so in readiness', async () => {
    const res = await getPractice();
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { detail: string }).detail).toBe(
      'The practice-settings service is not available',
    );
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
  });

  it('answers 504 when the service takes the request and never replies', async () => {
    const silent = nc.subscribe('practice-settings.practice.get', { queue: 'practice-settings' });
    // The subscription must reach the server before the request does (else: no responders, 503).
    await nc.flush();
    try {
      const res = await getPractice();
      expect(res.status).toBe(504);
      expect(((await res.json()) as { detail: string }).detail).toBe(
        'The practice-settings service did not answer in time',
      );
    } finally {
      silent.unsubscribe();
    }
  });
});
