import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { parseMetrics, registry } from '@claimline/backend/util-metrics';
import { httpMetrics } from './http-metrics';

const PRACTICE = '0b6f3c1e-2a4d-4c8e-9f1a-5d7e3b2c1a09';

describe('HTTP request metrics', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(httpMetrics());
    const api = express.Router();
    api.get('/practices/:practiceId/clients', (_req, res) => {
      res.json([]);
    });
    api.post('/practices/:practiceId/clients', (_req, res) => {
      res.status(422).json({ title: 'invalid' });
    });
    app.use('/api/v1', api);
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('labels each request with its route template, method and status class, never its URL', async () => {
    await fetch(`${base}/api/v1/practices/${PRACTICE}/clients?lastName=Doe`);
    await fetch(`${base}/api/v1/practices/${PRACTICE}/clients`, { method: 'POST' });
    await fetch(`${base}/api/v1/practices/${PRACTICE}/nothing-here`);
    const text = await registry.metrics();
    const counts = parseMetrics(text).filter(
      (s) => s.name === 'claimline_http_request_duration_seconds_count',
    );
    expect(counts.map((s) => s.labels)).toEqual(
      expect.arrayContaining([
        { route: '/api/v1/practices/:practiceId/clients', method: 'GET', status_class: '2xx' },
        { route: '/api/v1/practices/:practiceId/clients', method: 'POST', status_class: '4xx' },
        { route: '(unmatched)', method: 'GET', status_class: '4xx' },
      ]),
    );
    expect(text).not.toContain(PRACTICE);
    expect(text).not.toContain('Doe');
  });
});
