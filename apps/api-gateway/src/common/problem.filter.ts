import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { HTTP_STATUS_BY_RPC_CODE, FieldError } from '@claimline/contracts/common';
import { RpcError } from '@claimline/backend/util-nats';
import { errorForLog } from '@claimline/backend/util-service';
import { Problem, problem, sendProblem } from './problem';

/**
 * Every error leaves as problem+json: validation as 422 naming each field and rule, service
 * errors by their RPC code, an unreachable service as 503/504 — and only a real fault as 500.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const body = this.toProblem(exception);
    body.instance = req.originalUrl;
    body.requestId = req.id as string | undefined;
    // never the request body or the error's own data: they may hold what the caller sent
    if (body.status >= 500) this.logger.error({ err: errorForLog(exception) }, 'request failed');
    sendProblem(res, body);
  }

  private toProblem(exception: unknown): Problem {
    if (exception instanceof RpcError) {
      const { code, message, errors, details } = exception.body;
      return problem(HTTP_STATUS_BY_RPC_CODE[code], message, { ...(errors && { errors }), ...details });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse() as { message?: unknown; errors?: FieldError[] } | string;
      if (typeof response === 'object' && response.errors) {
        return problem(status, String(response.message ?? 'Some fields are not valid'), {
          errors: response.errors,
        });
      }
      const message =
        typeof response === 'string'
          ? response
          : Array.isArray(response.message)
            ? response.message.join('; ')
            : String(response.message ?? exception.message);
      return problem(status, message);
    }
    return problem(500, 'Something went wrong on our side; the request id helps us find out what');
  }
}
