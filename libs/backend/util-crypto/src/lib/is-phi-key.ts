import { registerDecorator } from 'class-validator';
import { phiKeyProblem } from './phi-cipher';

/** Environment validation of `PHI_ENCRYPTION_KEY`: 32 random bytes, base64. */
export function IsPhiKey(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'phiKey',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => phiKeyProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${phiKeyProblem(args?.value)}`,
      },
    });
}
