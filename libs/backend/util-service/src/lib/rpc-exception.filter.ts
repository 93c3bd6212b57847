import { ArgumentsHost, Catch, HttpException, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { RpcErrorBody } from '@claimline/contracts/common';
import { RpcError } from '@claimline/backend/util-nats';

const logger = new Logger('RpcErrors');

/** Turns whatever a handler throws into the structured error body the gateway understands. */
export function toRpcErrorBody(exception: unknown): RpcErrorBody {
  if (exception instanceof RpcError) return exception.body;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code =
      status === 404
        ? 'not_found'
        : status === 409
          ? 'conflict'
          : status === 403
            ? 'forbidden'
            : 'bad_request';
    return { code, message: exception.message };
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return { code: 'internal', message: 'The service failed to handle the request' };
}

@Catch()
export class AllRpcExceptionsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => toRpcErrorBody(exception));
  }
}
