import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpMethod, httpRequestDuration, statusClass } from '@claimline/backend/util-metrics';
import { routeTemplate } from './request-log';

/**
 * Times every request into `claimline_http_request_duration_seconds`, labelled with the route
 * template Express matched (as the request log names it: never the URL, whose ids are PHI-adjacent),
 * the method and the status class. Registered before the routes; the route is known when the
 * response ends.
 */
export function httpMetrics(): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const end = httpRequestDuration.startTimer();
    let done = false;
    const observe = () => {
      if (done) return;
      done = true;
      end({
        route: routeTemplate(req as Parameters<typeof routeTemplate>[0]),
        method: httpMethod(req.method),
        status_class: statusClass(res.statusCode, res.writableFinished),
      });
    };
    res.once('finish', observe);
    res.once('close', observe);
    next();
  };
}
