import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

export class EnvValidationError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`${service}: invalid configuration\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvValidationError';
  }
}

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((message) =>
      message.startsWith(e.property) ? message : `${e.property}: ${message}`,
    ),
  );
}

/**
 * Validates the environment against a class-validator DTO at boot and returns the typed,
 * converted instance. Fails with every problem listed, so a misconfigured deploy says why.
 */
export function validateEnv<T extends object>(
  service: string,
  envClass: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const instance = plainToInstance(envClass, env, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(instance, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) throw new EnvValidationError(service, flatten(errors));
  return instance;
}
