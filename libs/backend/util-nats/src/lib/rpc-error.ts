import { RpcException } from '@nestjs/microservices';
import { FieldError, RpcErrorBody, RpcErrorCode } from '@claimline/contracts/common';

/** A structured error raised by a service (or by the RPC client) that crosses NATS intact. */
export class RpcError extends RpcException {
  constructor(readonly body: RpcErrorBody) {
    super(body);
    this.name = 'RpcError';
  }

  get code(): RpcErrorCode {
    return this.body.code;
  }

  static notFound(what: string, id?: string): RpcError {
    return new RpcError({
      code: 'not_found',
      message: id ? `${what} ${id} was not found` : `${what} was not found`,
    });
  }

  static conflict(message: string, details?: Record<string, unknown>): RpcError {
    return new RpcError({ code: 'conflict', message, details });
  }

  static validation(errors: FieldError[], message = 'Some fields are not valid'): RpcError {
    return new RpcError({ code: 'validation_failed', message, errors });
  }

  static field(field: string, rule: string, message: string): RpcError {
    return RpcError.validation([{ field, rule, message }], message);
  }

  static forbidden(message: string): RpcError {
    return new RpcError({ code: 'forbidden', message });
  }
}
