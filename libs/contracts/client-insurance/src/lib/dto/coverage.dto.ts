import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsUUID,
  ValidateIf,
} from 'class-validator';
import type { AuthorizationView } from './authorization.dto';
import type { ClientView } from './client.dto';
import type { ClientMissingInfo } from './missing-info.dto';
import type { PolicyView } from './policy.dto';

export const MAX_COVERAGE_CLIENTS = 1000;

/**
 * The primary coverage of many clients at once (for the unbilled list): either of the clients
 * named, or of every client of the practice whose primary policy is with `payerId`.
 */
export class CoverageManyQuery {
  @IsUUID()
  practiceId: string;

  @ValidateIf((q: CoverageManyQuery) => q.payerId === undefined || q.clientIds !== undefined)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COVERAGE_CLIENTS, {
    message: `clientIds may list at most ${MAX_COVERAGE_CLIENTS} clients per call`,
  })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  clientIds?: string[];

  @IsOptional()
  @IsUUID()
  payerId?: string;

  /**
   * Also each client's record and whole primary policy (member ID included), as a claim copies
   * them: claims-service builds a batch of claims from one call instead of three per client.
   */
  @IsOptional()
  @IsBoolean()
  detail?: boolean;

  /**
   * Also the missing information of every client named (as `missing-info.get-many` answers it):
   * the unbilled list gets both facts of a page in one call. Only with `clientIds`.
   */
  @IsOptional()
  @IsBoolean()
  missingInfo?: boolean;
}

/**
 * A client's primary policy (ids and payer only: no member ID unless `detail` was asked) and that
 * policy's authorizations.
 */
export interface ClientCoverage {
  clientId: string;
  policyId: string;
  payer: { id: string; name: string };
  /** Newest valid-from first; `warnings` computed for today (UTC). */
  authorizations: AuthorizationView[];
  /** With `detail` only: the client and the primary policy (whole member ID: the caller is claims). */
  client?: ClientView;
  policy?: PolicyView;
}

export interface CoverageManyResult {
  /** One per client that has a primary policy (clients without one are absent). */
  items: ClientCoverage[];
  /** With `missingInfo`: one per client named that is the practice's (in the order named). */
  missingInfo?: ClientMissingInfo[];
}
