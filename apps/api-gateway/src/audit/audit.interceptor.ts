import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, concatMap, from, Observable, throwError } from 'rxjs';
import { RpcError } from '@claimline/backend/util-nats';
import { HTTP_STATUS_BY_RPC_CODE } from '@claimline/contracts/common';
import { AUDIT, AuditSpec } from './audit.decorator';
import { AuditService } from './audit.service';

/**
 * Writes the audit row before the response leaves (a read that cannot be audited is not
 * served), and records refused attempts too, with their status.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditSpec | undefined>(AUDIT, context.getHandler());
    if (!spec) return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const record = (status: number, body?: unknown) => this.audit.recordRequest(spec, req, status, body);
    return next.handle().pipe(
      concatMap((body) =>
        from(record(context.switchToHttp().getResponse().statusCode ?? 200, body).then(() => body)),
      ),
      catchError((error) =>
        from(record(statusOf(error)).catch(() => undefined)).pipe(concatMap(() => throwError(() => error))),
      ),
    );
  }
}

function statusOf(error: unknown): number {
  if (error instanceof RpcError) return HTTP_STATUS_BY_RPC_CODE[error.code];
  if (error instanceof HttpException) return error.getStatus();
  return 500;
}
