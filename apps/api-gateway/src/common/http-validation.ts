import { UnprocessableEntityException, ValidationPipe } from '@nestjs/common';
import { ContractValidationPipe, toFieldErrors, validationOptions } from '@claimline/backend/util-nats';

/**
 * Bodies and query strings are validated with the same contract classes and the same rules of
 * every input (ADR 0013) as the services use.
 */
export function httpValidationPipe(): ValidationPipe {
  return new ContractValidationPipe({
    ...validationOptions,
    exceptionFactory: (errors) =>
      new UnprocessableEntityException({
        message: 'Some fields are not valid',
        errors: toFieldErrors(errors),
      }),
  });
}
