import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { registry } from './metrics';

export interface MetricsServerOptions {
  /** 0 takes any free port (tests). */
  port: number;
  /** The address to bind; loopback unless the deployment says otherwise (`METRICS_HOST`). */
  host?: string;
}

export interface MetricsServer {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * A plain node:http server that answers `GET /metrics` (and HEAD) with the registry in Prometheus'
 * text format, 404 on any other path and 405 on any other method. It is not the API's server: the
 * port is never published, and it binds 127.0.0.1 unless told otherwise.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: metrics are at /metrics\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('Method not allowed\n');
      return;
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : text);
      },
      (error: Error) => {
        res
          .writeHead(500, { 'content-type': 'text/plain' })
          .end(`Metrics could not be read: ${error.message}\n`);
      },
    );
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `metrics server could not listen on ${host}:${options.port}: ${error.code ?? error.message}`,
        ),
      );
    server.once('error', onError);
    server.listen(options.port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    host,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
