import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Observable } from 'rxjs';
import { HEADER_REQUEST_ID } from '@claimline/contracts/common';
import {
  endSpanWithError,
  extractTraceContext,
  SpanKind,
  startSpan,
  withContext,
} from '@claimline/backend/util-metrics';
import { runWithRequestId } from '@claimline/backend/util-nats';

/**
 * Carries the gateway's request id (a NATS header) into the handler's async context, and the
 * caller's trace (W3C `traceparent` header) as a server span around the handler, so its SQL, its
 * calls and the events it writes join that trace (no-op spans with tracing off).
 */
@Injectable()
export class RequestIdInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ctx = context.switchToRpc().getContext<NatsContext>();
    const headers = ctx?.getHeaders?.();
    const requestId = headers?.get(HEADER_REQUEST_ID) || randomUUID();
    const subject = ctx?.getSubject?.() ?? 'rpc';
    const { span, ctx: traced } = startSpan(
      `${subject} process`,
      SpanKind.SERVER,
      { 'messaging.system': 'nats', 'rpc.system': 'nats', 'rpc.method': subject },
      extractTraceContext((key) => headers?.get(key)),
    );
    return new Observable((subscriber) =>
      withContext(traced, () =>
        runWithRequestId(requestId, () =>
          next.handle().subscribe({
            next: (value) => subscriber.next(value),
            error: (error: unknown) => {
              endSpanWithError(span, error);
              subscriber.error(error);
            },
            complete: () => {
              span.end();
              subscriber.complete();
            },
          }),
        ),
      ),
    );
  }
}
