import { UnprocessableEntityException, ValidationPipe } from '@nestjs/common';
import { toFieldErrors, validationOptions } from '@claimline/backend/util-nats';

/** Bodies and query strings are validated with the same contract classes the services use. */
export function httpValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...validationOptions,
    exceptionFactory: (errors) =>
      new UnprocessableEntityException({
        message: 'Some fields are not valid',
        errors: toFieldErrors(errors),
      }),
  });
}
