import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

/**
 * 'true'/'false'/'1'/'0'/'yes'/'no' → boolean, read from the raw variable (implicit conversion
 * would turn any non-empty string into true); anything else becomes a marker @IsBoolean refuses.
 */
export function envBoolean({
  value,
  key,
  obj,
}: {
  value: unknown;
  key: string;
  obj: Record<string, unknown>;
}): unknown {
  const raw = obj[key];
  if (raw === undefined) return value;
  if (typeof raw === 'boolean') return raw;
  const v = String(raw).trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  return `invalid:${v}`;
}

/** A true/false variable (see `envBoolean`); anything else is refused as "<NAME> must be true or false". */
export function IsEnvFlag(): PropertyDecorator {
  return (target, property) => {
    Transform(envBoolean)(target, property);
    IsBoolean({ message: ({ property: name }) => `${name} must be true or false` })(target, property);
  };
}

/** A whole number from `min` to `max` (no upper bound without one), converted from the variable's text. */
export function IsEnvInt(min: number, max?: number): PropertyDecorator {
  return (target, property) => {
    IsInt()(target, property);
    Min(min)(target, property);
    if (max !== undefined) Max(max)(target, property);
    Type(() => Number)(target, property as string);
  };
}
