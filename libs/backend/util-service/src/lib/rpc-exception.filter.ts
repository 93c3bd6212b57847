import { ArgumentsHost, Catch, HttpException, Logger, RpcExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';
import { RpcErrorBody } from '@claimline/contracts/common';
import { RpcError } from '@claimline/backend/util-nats';
import { errorForLog } from './redaction';

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
  // never the message's data: an error's properties and quoted values may hold what was sent
  logger.error({ err: errorForLog(exception) }, 'unexpected error in a handler');
  return { code: 'internal', message: 'The service failed to handle the request' };
}

@Catch()
export class AllRpcExceptionsFilter implements RpcExceptionFilter<unknown> {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => toRpcErrorBody(exception));
  }
}
