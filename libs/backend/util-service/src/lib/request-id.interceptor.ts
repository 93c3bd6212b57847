import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { Observable } from 'rxjs';
import { HEADER_REQUEST_ID } from '@claimline/contracts/common';
import { runWithRequestId } from '@claimline/backend/util-nats';

/** Carries the gateway's request id (a NATS header) into the handler's async context. */
@Injectable()
export class RequestIdInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ctx = context.switchToRpc().getContext<NatsContext>();
    const requestId = ctx?.getHeaders?.()?.get(HEADER_REQUEST_ID) || randomUUID();
    return new Observable((subscriber) =>
      runWithRequestId(requestId, () => next.handle().subscribe(subscriber)),
    );
  }
}
