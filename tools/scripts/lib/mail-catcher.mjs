// @ts-check
// Local mail catcher for npm start: an SMTP server on loopback that accepts every message,
// keeps it in memory and in <root>/.data/mail/*.eml, and shows it over a tiny HTTP endpoint.
// Node 20 built-ins only at top level; `smtp-server` and `mailparser` are loaded lazily from
// the workspace because ensureDependencies() may not have run when this module is imported.
//
//   const catcher = await startMailCatcher({ root, log });
//   env.SMTP_URL = catcher.smtpUrl;             // smtp://127.0.0.1:1025 (no auth, no TLS)
//   console.log(`mail: ${catcher.httpUrl}/messages`);
//   ...
//   await catcher.stop();
//
// HTTP (loopback only):
//   GET    /messages            → [{ id, messageId, from, to, subject, date, size, file, text }] newest first
//   GET    /messages/:id        → the same plus `html`
//   GET    /messages/:id.eml    → the raw message (message/rfc822)
//   DELETE /messages            → forgets the messages in memory (files stay)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const HOST = '127.0.0.1';
/** @type {import('./procs.mjs').Log} */
const defaultLog = (msg) => console.log(`[mail] ${msg}`);
const MAX_KEPT = 500;
const MAX_SIZE = 10 * 1024 * 1024;

/**
 * Listens on `port`, or on a free port when that one is taken (or 0). Resolves to the port.
 * @param {import('node:net').Server} server
 * @param {number} port
 * @returns {Promise<number>}
 */
function listen(server, port) {
  return new Promise((resolve, reject) => {
    /** @param {NodeJS.ErrnoException} error */
    const onError = (error) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE' && port !== 0) resolve(listen(server, 0));
      else reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(/** @type {import('node:net').AddressInfo} */ (server.address()).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, HOST);
  });
}

/**
 * Requires a package from the workspace at `root`, else from this repository. Neither package
 * ships types (nor has them installed), so what it gives is typed where it is used.
 * @param {string} root
 * @param {string} name
 * @returns {any}
 */
function load(root, name) {
  try {
    return createRequire(path.join(root, 'package.json'))(name);
  } catch {
    return createRequire(import.meta.url)(name);
  }
}

/**
 * The e-mail addresses of a mailparser address object (or list of them).
 * @param {{ value?: Array<{ address?: string }> } | Array<{ value?: Array<{ address?: string }> }> | undefined} value
 * @returns {string[]}
 */
export function addressList(value) {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((a) => a.value ?? []).flatMap((a) => (a.address ? [a.address] : []));
}

/**
 * @param {{ root?: string, log?: (msg: string) => void, smtpPort?: number, httpPort?: number }} [options]
 * @returns {Promise<{ smtpUrl: string, httpUrl: string, messages: () => object[], stop: () => Promise<void> }>}
 */
export async function startMailCatcher({
  root = process.cwd(),
  log = defaultLog,
  smtpPort = 1025,
  httpPort = 1080,
} = {}) {
  const { SMTPServer } = load(root, 'smtp-server');
  const { simpleParser } = load(root, 'mailparser');

  const dir = path.join(root, '.data', 'mail');
  mkdirSync(dir, { recursive: true });
  /**
   * Newest last.
   * @type {Array<{ id: string, messageId: string | null, from: string | null, to: string[], subject: string,
   *   date: string, size: number, file: string, text: string, html: string | null, raw: Buffer }>}
   */
  const kept = [];
  let seq = 0;

  const smtp = new SMTPServer({
    logger: false,
    banner: 'Claimline mail catcher',
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    allowInsecureAuth: true,
    size: MAX_SIZE,
    onAuth: (
      /** @type {{ username?: string }} */ auth,
      /** @type {unknown} */ _session,
      /** @type {(error: Error | null, result?: { user: string }) => void} */ callback,
    ) => callback(null, { user: auth.username ?? 'anyone' }),
    onData: (
      /** @type {import('node:stream').Readable & { sizeExceeded?: boolean }} */ stream,
      /** @type {{ envelope: { mailFrom?: { address: string }, rcptTo: Array<{ address: string }> } }} */ session,
      /** @type {(error: Error | null, message?: string) => void} */ callback,
    ) => {
      /** @type {Buffer[]} */
      const chunks = [];
      stream.on('data', (/** @type {Buffer} */ c) => chunks.push(c));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message too large for the mail catcher'), { responseCode: 552 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then(
            (
              /** @type {{ messageId?: string, from?: { value?: Array<{ address?: string }> }, subject?: string,
               *   date?: Date, text?: string, html?: string | false }} */ parsed,
            ) => {
              const id = `${Date.now().toString(36)}-${(++seq).toString(36)}`;
              const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`);
              writeFileSync(file, raw);
              const message = {
                id,
                messageId: parsed.messageId ?? null,
                from: addressList(parsed.from)[0] ?? session.envelope.mailFrom?.address ?? null,
                to: session.envelope.rcptTo.map((r) => r.address),
                subject: parsed.subject ?? '',
                date: (parsed.date ?? new Date()).toISOString(),
                size: raw.length,
                file: path.relative(root, file),
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : null,
                raw,
              };
              kept.push(message);
              if (kept.length > MAX_KEPT) kept.shift();
              log(`caught "${message.subject}" for ${message.to.join(', ')} (${message.file})`);
              callback(null, `Caught as ${id}`);
            },
          )
          .catch((/** @type {Error} */ error) =>
            callback(
              Object.assign(new Error(`Could not parse the message: ${error.message}`), {
                responseCode: 451,
              }),
            ),
          );
      });
    },
  });
  smtp.on('error', (/** @type {Error} */ error) => log(`SMTP error: ${error.message}`));

  /** @param {(typeof kept)[number]} message */
  const summary = ({ raw: _raw, html: _html, ...rest }) => rest;
  const http = createServer((req, res) => {
    /**
     * @param {number} status
     * @param {unknown} body JSON, or the bytes of `type`
     */
    const send = (status, body, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(type === 'application/json' ? JSON.stringify(body, null, 2) : /** @type {Buffer} */ (body));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/messages\/([\w-]+)(\.eml)?$/.exec(url.pathname);
    if (req.method === 'GET' && (url.pathname === '/messages' || url.pathname === '/')) {
      return send(200, kept.slice().reverse().map(summary));
    }
    if (req.method === 'DELETE' && url.pathname === '/messages') {
      kept.length = 0;
      return send(200, { cleared: true });
    }
    if (req.method === 'GET' && match) {
      const message = kept.find((m) => m.id === match[1]);
      if (!message) return send(404, { error: 'not found' });
      if (match[2]) return send(200, message.raw, 'message/rfc822');
      const { raw: _raw, ...rest } = message;
      return send(200, rest);
    }
    return send(404, {
      error: 'not found',
      routes: ['GET /messages', 'GET /messages/:id', 'GET /messages/:id.eml', 'DELETE /messages'],
    });
  });

  const boundSmtp = await listen(smtp.server, smtpPort);
  let boundHttp;
  try {
    boundHttp = await listen(http, httpPort);
  } catch (error) {
    await new Promise((r) => smtp.close(r));
    throw error;
  }
  const smtpUrl = `smtp://${HOST}:${boundSmtp}`;
  const httpUrl = `http://${HOST}:${boundHttp}`;
  log(
    `mail catcher: SMTP ${smtpUrl}, messages at ${httpUrl}/messages, files in ${path.relative(root, dir) || dir}`,
  );

  let stopped = false;
  return {
    smtpUrl,
    httpUrl,
    /** Caught messages, oldest first (with `raw` Buffer and `html`). */
    messages: () => kept.slice(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await Promise.all([new Promise((r) => smtp.close(r)), new Promise((r) => http.close(r))]);
    },
  };
}
