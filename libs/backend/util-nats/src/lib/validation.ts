import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@claimline/contracts/common';
import { RpcError } from './rpc-error';

/** Flattens class-validator errors to `{ field: 'address.zip', rule, message }` entries. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknown_field' : rule,
      message:
        rule === 'whitelistValidation'
          ? `${field} is not a known field`
          : message.replace(error.property, field),
    }));
    return own.concat(toFieldErrors(error.children ?? [], field));
  });
}

/** Options shared by the gateway's HTTP pipe and the services' RPC pipe. */
export const validationOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const;

/** The services' pipe: bad payloads become `validation_failed` RPC errors naming each field. */
export function rpcValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...validationOptions,
    exceptionFactory: (errors) => RpcError.validation(toFieldErrors(errors)),
  });
}
