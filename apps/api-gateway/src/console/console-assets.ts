import express, { NextFunction, Request, Response } from 'express';
import Negotiator from 'negotiator';
import { existsSync, readdirSync } from 'node:fs';
import { extname, join, sep } from 'node:path';

/**
 * The copies `admin-console:build` writes beside an asset (tools/scripts/precompress.mjs), in the
 * order the gateway prefers them when the client accepts several equally: brotli is the smaller.
 */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export type ContentCoding = (typeof PRECOMPRESSED)[number]['encoding'] | 'identity';

type Handler = (req: Request, res: Response, next: NextFunction) => void;

/** Names with a content hash change whenever their bytes do, so they can be cached for good. */
const HASHED = /\/(?:main|chunk|polyfills|styles)-[\w-]{8}\.(?:js|css)(?:\.br|\.gz)?$/;
const COPY = /\.(?:br|gz)$/;

/**
 * Which encoded copies exist for each file of `dist`, by URL path (`/main-ABC.js` → `['br', 'gzip']`).
 * Read once at start-up: a new build comes with a new gateway process.
 */
export function precompressedCopies(dist: string): Map<string, ContentCoding[]> {
  const files = new Set(readdirSync(dist, { recursive: true, encoding: 'utf8' }));
  const copies = new Map<string, ContentCoding[]>();
  for (const file of files) {
    if (COPY.test(file)) continue;
    const found = PRECOMPRESSED.filter(({ suffix }) => files.has(file + suffix)).map((p) => p.encoding);
    if (found.length) copies.set(`/${file.split(sep).join('/')}`, found);
  }
  return copies;
}

/**
 * The coding to send for `acceptEncoding` among the copies there are: the highest q-value wins,
 * ties go by `PRECOMPRESSED`'s order, and the plain file is the answer when nothing else is
 * acceptable (even `identity;q=0`: a response the client can read beats a 406 for a script).
 */
export function chooseCoding(
  acceptEncoding: string | undefined,
  available: readonly ContentCoding[],
): ContentCoding {
  const offered = [...available, 'identity'];
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
  // negotiator 1.x takes the server's preference for ties; @types/negotiator (0.6) does not know it.
  const encodings = negotiator.encodings as (
    available: string[],
    options: { preferred: string[] },
  ) => string[];
  const [best] = encodings.call(negotiator, offered, { preferred: offered });
  return (best as ContentCoding | undefined) ?? 'identity';
}

/**
 * The console's files with their precompressed copies: `Content-Encoding` chosen by the request's
 * `Accept-Encoding`, `Vary: Accept-Encoding` on every file that has copies, the content type of
 * the file itself, hashed assets cached for a year and everything else revalidated. The copies
 * are not served under their own names.
 */
export function consoleAssets(dist: string): Handler {
  const copies = precompressedCopies(dist);
  const files = express.static(dist, {
    index: false,
    setHeaders: (res, path) =>
      res.setHeader('cache-control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const [rawPath, ...query] = req.url.split('?');
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return next();
    }
    if (COPY.test(path)) return next();
    const available = copies.get(path);
    if (!available) return files(req, res, next);
    res.vary('Accept-Encoding');
    const coding = chooseCoding(req.headers['accept-encoding'], available);
    const copy = PRECOMPRESSED.find((p) => p.encoding === coding);
    if (!copy) return files(req, res, next);
    res.type(extname(path));
    res.setHeader('content-encoding', coding);
    const original = req.url;
    req.url = [rawPath + copy.suffix, ...query].join('?');
    files(req, res, (err?: unknown) => {
      req.url = original;
      res.removeHeader('content-encoding');
      res.removeHeader('content-type');
      if (err) return next(err);
      // The copy went missing after start-up (a build over the served directory): the file may not have.
      files(req, res, next);
    });
  };
}

/**
 * The admin console (a single-page app): its files as `consoleAssets` serves them, and every
 * other GET for HTML that is not the API, the docs or a health probe answered with index.html
 * (never cached, negotiated like the rest) so deep links (`/practices/…`) work on reload.
 */
export function serveConsole(app: { use(handler: Handler): unknown }, dist: string): void {
  const assets = consoleAssets(dist);
  app.use(assets);
  app.use((req, res, next) => {
    const path = req.url.split('?')[0];
    if (req.method !== 'GET' || /^\/(api|health)(\/|$)/.test(path) || /\.[a-z0-9]+$/i.test(path))
      return next();
    if (!(req.headers.accept ?? '').includes('text/html')) return next();
    const original = req.url;
    req.url = '/index.html';
    assets(req, res, (err?: unknown) => {
      req.url = original;
      next(err);
    });
  });
}

/** Whether `dist` holds a console build to serve. */
export function isConsoleBuild(dist: string | undefined): dist is string {
  return !!dist && existsSync(join(dist, 'index.html'));
}
