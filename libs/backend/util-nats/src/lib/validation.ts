import { ArgumentMetadata, ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import {
  FieldError,
  hostileTextProblems,
  InputProblem,
  jsonShapeProblem,
  unexpectedNullProblems,
} from '@claimline/contracts/common';
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

const asValidationError = ({ field, rule, message }: InputProblem): ValidationError => ({
  property: field,
  constraints: { [rule]: message },
  children: [],
});

/**
 * The contract classes' pipe with the rules of every input (ADR 0013): the shape of the value is
 * measured before class-transformer recurses into it, hostile text is refused before any
 * validator sees it (validator.js's e-mail check throws on a lone surrogate), and `null` is
 * refused where the contract does not allow it.
 */
export class ContractValidationPipe extends ValidationPipe {
  constructor(options: ValidationPipeOptions) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.metatype && this.toValidate(metadata)) {
      const shape = jsonShapeProblem(value);
      if (shape) throw await this.exceptionFactory([asValidationError(shape)]);
    }
    return super.transform(value, metadata);
  }

  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const hostile = hostileTextProblems(object);
    if (hostile.length > 0) return hostile.map(asValidationError);
    const errors = await super.validate(object, validatorOptions);
    return errors.concat(unexpectedNullProblems(object).map(asValidationError));
  }
}

/** The services' pipe: bad payloads become `validation_failed` RPC errors naming each field. */
export function rpcValidationPipe(): ValidationPipe {
  return new ContractValidationPipe({
    ...validationOptions,
    exceptionFactory: (errors) => RpcError.validation(toFieldErrors(errors)),
  });
}
