import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tokenize } from '@claimline/x12';
import { answer270, type HttpAnswer } from './answer-270';
import { answer276 } from './answer-276';

/** A real-time request is one small transaction; anything larger is refused unread. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * The sandbox's real-time port: `POST /x12` with a 270 answers a 271, with a 276 a 277
 * (`Content-Type: application/edi-x12` both ways), like a clearinghouse's real-time API.
 * Loopback only, no credentials: it stands in for a clearinghouse in local runs and tests.
 */
export function answerRealtime(text: string, control: number, now = new Date()): HttpAnswer {
  const st = tokenize(text).segments.find((s) => s.id === 'ST');
  switch (st?.fields[1]) {
    case '270':
      return answer270(text, control, now);
    case '276':
      return answer276(text, control, now);
    default:
      return {
        status: 400,
        contentType: 'text/plain; charset=utf-8',
        body: `a 270 or a 276 is expected, got ${st ? `ST01 "${st.fields[1] ?? ''}"` : 'no ST segment'}`,
      };
  }
}

export interface RealtimeServerOptions {
  readonly port: number;
  readonly host?: string;
  readonly log?: (msg: string, fields?: Record<string, unknown>) => void;
}

export async function startRealtimeServer(options: RealtimeServerOptions): Promise<Server> {
  // ISA13 of our answers: unique per process start, counting up.
  let control = Math.floor(Date.now() / 1000) % 800_000_000;
  const server = createServer((req, res) => {
    const send = (a: HttpAnswer) => {
      res.writeHead(a.status, { 'content-type': a.contentType });
      res.end(a.body);
    };
    if (req.url !== '/x12') return send({ status: 404, contentType: 'text/plain', body: 'POST /x12' });
    if (req.method !== 'POST')
      return send({ status: 405, contentType: 'text/plain', body: 'POST a 270 or a 276 to /x12' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        send({ status: 413, contentType: 'text/plain', body: `at most ${MAX_REQUEST_BYTES} bytes` });
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      const answer = answerRealtime(Buffer.concat(chunks).toString('utf8'), ++control);
      // Logs name the outcome only, never the member or claim.
      options.log?.('real-time request answered', { status: answer.status, bytes: size });
      send(answer);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  options.log?.('real-time X12 port listening', { port: (server.address() as AddressInfo).port });
  return server;
}
