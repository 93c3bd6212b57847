import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { INestApplication } from '@nestjs/common';
import express from 'express';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { generateAssertionKeys } from '@claimline/backend/util-auth';
import { validateEnv } from '@claimline/backend/util-config';
import { PrivateNatsServer, TestDatabase } from '@claimline/backend/util-testing';
import { createGateway } from '../../src/app.factory';
import { serveConsole } from '../../src/console/console-assets';
import { GatewayEnv } from '../../src/config/env';
import { ADMIN_PASSWORD, gatewayDatabase, JWT_SECRET } from './harness';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The bytes as they came over the wire (not decoded). */
  body: Buffer;
}

const CHROMIUM = 'gzip, deflate, br, zstd';
const INDEX =
  '<!doctype html><html><body><cl-root></cl-root><script src="main-ABCDEFGH.js" type="module"></script></body></html>';
const MAIN = Buffer.from('export const main = "the first script of the console";\n'.repeat(400));
const CHUNK = Buffer.from('export const chunk = "a lazy chunk with a gzip copy only";\n'.repeat(300));
const STYLES = Buffer.from('body { margin: 0 }\n');
const LOGO = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${'<g></g>'.repeat(300)}</svg>`);

/** A request through `node:http`, so the bytes are the ones on the wire (nothing decoded). */
function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * The console's files as the gateway serves them: a directory laid out like the console's build
 * (hashed scripts with brotli and gzip copies beside them, a chunk with a gzip copy only, files
 * with none, a subdirectory), served by the gateway in this process on the real PostgreSQL and a
 * NATS server of its own.
 */
describe('the console served precompressed', () => {
  let dist: string;
  let nats: PrivateNatsServer;
  let db: TestDatabase;
  let app: INestApplication;
  let port = 0;
  const call = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    get(port, path, headers, method);

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'main-ABCDEFGH.js'), MAIN);
    writeFileSync(join(dist, 'main-ABCDEFGH.js.br'), brotliCompressSync(MAIN));
    writeFileSync(join(dist, 'main-ABCDEFGH.js.gz'), gzipSync(MAIN, { level: 9 }));
    writeFileSync(join(dist, 'chunk-Ab_-1234.js'), CHUNK);
    writeFileSync(join(dist, 'chunk-Ab_-1234.js.gz'), gzipSync(CHUNK, { level: 9 }));
    writeFileSync(join(dist, 'styles-ABCDEFGH.css'), STYLES);
    mkdirSync(join(dist, 'media'));
    writeFileSync(join(dist, 'media', 'logo.svg'), LOGO);
    writeFileSync(join(dist, 'media', 'logo.svg.br'), brotliCompressSync(LOGO));

    nats = await PrivateNatsServer.start();
    db = await gatewayDatabase();
    const env = validateEnv('api-gateway', GatewayEnv, {
      DATABASE_URL: db.url,
      NATS_URL: nats.url,
      JWT_SECRET,
      RPC_SIGNING_KEY: generateAssertionKeys().privateKey,
      BOOTSTRAP_ADMIN_EMAIL: 'console-assets@example.com',
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      RPC_TIMEOUT_MS: '500',
      LOG_LEVEL: 'silent',
      CONSOLE_DIST: dist,
    });
    app = await createGateway(env);
    await app.listen(0, '127.0.0.1');
    port = Number(new URL((await app.getUrl()).replace('[::1]', '127.0.0.1')).port);
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await nats?.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends Chromium the brotli copy of a hashed script, typed as JavaScript, cached for good', async () => {
    const res = await call('/main-ABCDEFGH.js', { 'accept-encoding': CHROMIUM });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(statSync(join(dist, 'main-ABCDEFGH.js.br')).size);
    expect(res.body.length).toBeLessThan(MAIN.length / 10);
    expect(brotliDecompressSync(res.body)).toEqual(MAIN);
  });

  it('honours q-values: gzip when brotli is worth less, the plain file when identity is', async () => {
    const gz = await call('/main-ABCDEFGH.js', { 'accept-encoding': 'br;q=0.1, gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(gunzipSync(gz.body)).toEqual(MAIN);

    const plain = await call('/main-ABCDEFGH.js', { 'accept-encoding': 'br;q=0.3, gzip;q=0.2, identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/accept-encoding/i);
    expect(plain.body).toEqual(MAIN);
  });

  it('sends the plain file to a client that names no encoding or none the gateway has', async () => {
    const cases: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'zstd' },
      { 'accept-encoding': 'identity;q=0, br;q=0, gzip;q=0' },
    ];
    for (const headers of cases) {
      const res = await call('/main-ABCDEFGH.js', headers);
      expect([headers, res.status, res.headers['content-encoding'], res.body.equals(MAIN)]).toEqual([
        headers,
        200,
        undefined,
        true,
      ]);
    }
  });

  it('falls back to the copy there is: gzip for a chunk without a brotli one', async () => {
    const res = await call('/chunk-Ab_-1234.js', { 'accept-encoding': CHROMIUM });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(res.body)).toEqual(CHUNK);
  });

  it('serves a file without copies as it is, and files in subdirectories with their own type and no long cache', async () => {
    const css = await call('/styles-ABCDEFGH.css', { 'accept-encoding': CHROMIUM });
    expect(css.status).toBe(200);
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(css.body).toEqual(STYLES);

    const svg = await call('/media/logo.svg', { 'accept-encoding': CHROMIUM });
    expect(svg.headers['content-encoding']).toBe('br');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(svg.body)).toEqual(LOGO);
  });

  it('answers HEAD with the headers of the copy it would send, and a validator per encoding', async () => {
    const head = await call('/main-ABCDEFGH.js', { 'accept-encoding': CHROMIUM }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-encoding']).toBe('br');
    expect(Number(head.headers['content-length'])).toBe(statSync(join(dist, 'main-ABCDEFGH.js.br')).size);
    expect(head.body.length).toBe(0);

    const br = await call('/main-ABCDEFGH.js', { 'accept-encoding': 'br' });
    const gz = await call('/main-ABCDEFGH.js', { 'accept-encoding': 'gzip' });
    expect(br.headers['etag']).toBeDefined();
    expect(br.headers['etag']).not.toBe(gz.headers['etag']);
    const again = await call('/main-ABCDEFGH.js', {
      'accept-encoding': 'br',
      'if-none-match': String(br.headers['etag']),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('does not serve the copies under their own names, nor files that are not there', async () => {
    for (const path of [
      '/main-ABCDEFGH.js.br',
      '/main-ABCDEFGH.js.gz',
      '/chunk-missing1.js',
      '/media/none.svg',
    ]) {
      const res = await call(path, { 'accept-encoding': CHROMIUM, accept: '*/*' });
      expect([path, res.status, res.headers['content-encoding']]).toEqual([path, 404, undefined]);
    }
  });

  it('answers deep links with index.html, never cached and not encoded (it has no copy)', async () => {
    for (const path of ['/', '/practices/0b6f/clients?tab=insurance', '/index.html']) {
      const res = await call(path, {
        accept: 'text/html,application/xhtml+xml',
        'accept-encoding': CHROMIUM,
      });
      expect([path, res.status, res.headers['content-encoding'], res.headers['cache-control']]).toEqual([
        path,
        200,
        undefined,
        'no-cache',
      ]);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body.toString()).toBe(readFileSync(join(dist, 'index.html'), 'utf8'));
    }
  });

  it('leaves the API, the health probes and requests that do not ask for HTML to the API', async () => {
    const api = await call('/api/v1/no-such-route', { accept: 'text/html' });
    expect(api.status).toBe(404);
    expect(String(api.headers['content-type'])).not.toContain('text/html');
    const health = await call('/health/live', { accept: 'text/html' });
    expect(health.status).toBe(200);
    expect(health.body.toString()).not.toContain('<cl-root>');
    const json = await call('/practices/0b6f', { accept: 'application/json' });
    expect(json.status).toBe(404);
    expect(json.body.toString()).not.toContain('<cl-root>');
  });
});

/**
 * A build whose index.html has copies too (the console's real one does): deep links get them like
 * any file, and a copy deleted while the gateway runs costs compression, not the response. The
 * gateway's console middleware alone, on an Express app, since only the directory differs.
 */
describe('the console served precompressed: index.html with copies, copies gone', () => {
  let dist: string;
  let server: Server;
  let port = 0;
  const page = Buffer.from(
    `<!doctype html><html><body><cl-root></cl-root>${'<!-- padding -->'.repeat(50)}</body></html>`,
  );
  const script = Buffer.from('export const lazy = "a chunk whose copy is deleted";\n'.repeat(100));

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'console-dist-'));
    writeFileSync(join(dist, 'index.html'), page);
    writeFileSync(join(dist, 'index.html.br'), brotliCompressSync(page));
    writeFileSync(join(dist, 'chunk-GONEGONE.js'), script);
    writeFileSync(join(dist, 'chunk-GONEGONE.js.br'), brotliCompressSync(script));
    const app = express();
    serveConsole(app, dist);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers a deep link with the brotli copy of index.html, never cached', async () => {
    const res = await get(port, '/practices/0b6f/enrollments', {
      accept: 'text/html',
      'accept-encoding': CHROMIUM,
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(res.body)).toEqual(page);
  });

  it('sends the file itself when its copy was deleted after start-up', async () => {
    rmSync(join(dist, 'chunk-GONEGONE.js.br'));
    const res = await get(port, '/chunk-GONEGONE.js', { 'accept-encoding': CHROMIUM });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.body).toEqual(script);
  });
});
