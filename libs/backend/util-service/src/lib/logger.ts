import { Params } from 'nestjs-pino';
import { currentTraceIds } from '@claimline/backend/util-metrics';
import { currentRequestId } from '@claimline/backend/util-nats';
import { errorForLog, redactDeep, redactText } from './redaction';

/**
 * The pino options every Claimline process logs with: every log object goes through the shared
 * redaction list (`redaction.ts`) at any depth, and errors keep their class, code, frames and a
 * message with quoted values replaced; so does every message string.
 */
export function redactingPinoOptions(): {
  formatters: { log: (object: Record<string, unknown>) => Record<string, unknown> };
  serializers: { err: typeof errorForLog };
  hooks: { logMethod: (this: unknown, args: unknown[], method: (...a: unknown[]) => void) => void };
} {
  return {
    formatters: {
      // `req` and `res` are left to their serializers, which keep only named fields
      log: ({ req, res, ...rest }) => ({
        ...(req !== undefined && { req }),
        ...(res !== undefined && { res }),
        ...(redactDeep(rest) as Record<string, unknown>),
      }),
    },
    serializers: { err: errorForLog },
    // messages are text built from errors (database errors quote the value that failed)
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? redactText(a) : a)),
        );
      },
    },
  };
}

/**
 * The request id and, with tracing on, the trace and span ids of the work in scope, for every log
 * line written inside it.
 */
export function logCorrelation(): Record<string, string> {
  const requestId = currentRequestId();
  const ids = currentTraceIds();
  return { ...(requestId && { requestId }), ...(ids && { traceId: ids.traceId, spanId: ids.spanId }) };
}

/** JSON logs (pino) with the service name and, inside a request, its id and trace; PHI and secrets redacted. */
export function loggerParams(service: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      mixin: logCorrelation,
      ...redactingPinoOptions(),
    },
  };
}
