import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export const MAX_MISSING_INFO_CLIENTS = 1000;

export class MissingInfoQuery {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  clientId: string;
}

export class MissingInfoManyQuery {
  @IsUUID()
  practiceId: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_MISSING_INFO_CLIENTS, {
    message: `clientIds may list at most ${MAX_MISSING_INFO_CLIENTS} clients per call`,
  })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  clientIds: string[];
}

/** One required field that is missing, with where in the console to fix it. */
export interface MissingItem {
  /** Dotted path, e.g. `phone`, `insurance.primary`, `insurance.secondary.subscriber.birthDate`. */
  field: string;
  message: string;
  /** Console route, e.g. `/clients/{id}/profile` or `/clients/{id}/insurance`. */
  fixAt: string;
}

export interface ClientMissingInfo {
  clientId: string;
  /** True when nothing required for billing is missing. */
  complete: boolean;
  missing: MissingItem[];
}

export interface MissingInfoManyResult {
  items: ClientMissingInfo[];
  /** Ids that are not clients of this practice (answered like a missing record). */
  notFound: string[];
}
