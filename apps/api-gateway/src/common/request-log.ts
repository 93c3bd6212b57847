import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import { redactingPinoOptions, redactQuery } from '@claimline/backend/util-service';
import { requestId } from './request-id';

type RoutedRequest = IncomingMessage & {
  id?: string;
  route?: { path?: unknown };
  baseUrl?: string;
  query?: unknown;
};

/**
 * The route template Express matched (`/api/v1/practices/:practiceId/clients`), never the URL:
 * paths carry ids and query strings carry names, birth dates and search terms. A request that
 * matched no route is logged as `(unmatched)`.
 */
export function routeTemplate(req: RoutedRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : '(unmatched)';
}

/** What the request log says about a request when it is done: its route and redacted parameters. */
export function requestOutcome(req: RoutedRequest): { route: string; parameters?: Record<string, string> } {
  const parameters = redactQuery(req.query);
  return { route: routeTemplate(req), ...(parameters && { parameters }) };
}

/**
 * pino-http for the gateway: one line per request (health probes excepted) with id, method,
 * route template, redacted query parameters, status and time; levels by status; every other log
 * line through the same redaction as the services (docs/adr/0015-phi-minimisation.md).
 */
export function gatewayLoggerParams(service: string, level: string): Params['pinoHttp'] {
  return {
    level,
    base: { service },
    genReqId: (req, res) => (req as { id?: string }).id ?? requestId(req, res),
    // the request's trace (httpTracing), on its line and on every line logged while it runs
    customProps: (req) => {
      const traceId = (req as { traceId?: string }).traceId;
      return traceId ? { traceId } : {};
    },
    ...redactingPinoOptions(),
    serializers: {
      ...redactingPinoOptions().serializers,
      // bound when the request starts, before routing: the method and id only
      req: (req: { id: string; method: string }) => ({ id: req.id, method: req.method }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customSuccessObject: (req, _res, value: Record<string, unknown>) => ({
      ...value,
      ...requestOutcome(req as RoutedRequest),
    }),
    customErrorObject: (req, _res, _error, value: Record<string, unknown>) => ({
      ...value,
      ...requestOutcome(req as RoutedRequest),
    }),
    customLogLevel: (_req, res: ServerResponse, err) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
  };
}
