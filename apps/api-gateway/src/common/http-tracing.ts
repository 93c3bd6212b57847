import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  endSpanWithError,
  extractTraceContext,
  SpanKind,
  startSpan,
  tracingEnabled,
  withContext,
} from '@claimline/backend/util-metrics';
import { routeTemplate } from './request-log';

type TracedRequest = IncomingMessage & { traceId?: string };

/**
 * One server span per request (tracing on), continuing a caller's W3C `traceparent`: everything
 * the request does — the NATS calls, whose headers carry it on, and their SQL — joins its trace.
 * Named by the route template once routing is done (never the URL: ids and names). The trace id
 * is kept on the request for its log line. With tracing off it does nothing.
 */
export function httpTracing(): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    if (!tracingEnabled()) return next();
    const parent = extractTraceContext((key) => {
      const value = req.headers[key];
      return Array.isArray(value) ? value[0] : value;
    });
    const { span, ctx } = startSpan(
      `${req.method} request`,
      SpanKind.SERVER,
      { 'http.request.method': req.method ?? '' },
      parent,
    );
    (req as TracedRequest).traceId = span.spanContext().traceId;
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      const route = routeTemplate(req as Parameters<typeof routeTemplate>[0]);
      span.updateName(`${req.method} ${route}`);
      span.setAttribute('http.route', route);
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500 || !res.writableFinished)
        endSpanWithError(span, new Error(String(res.statusCode)));
      else span.end();
    };
    res.once('finish', end);
    res.once('close', end);
    withContext(ctx, next);
  };
}
