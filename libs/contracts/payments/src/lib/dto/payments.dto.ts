import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  ERA_FILE_NAME_MAX,
  ERA_TRANSACTION_STATUSES,
  type EraTransactionStatus,
  MAX_PAYMENTS_PAGE,
  UNMATCHED_ACTIONS,
  UNMATCHED_STATES,
  type UnmatchedAction,
  type UnmatchedState,
} from '../payments.subjects';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PracticeRefDto {
  @IsUUID()
  practiceId: string;
}

/** `?limit=&offset=`. */
export class PaymentsPageParams {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAYMENTS_PAGE)
  limit?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

/** An uploaded 835: the transfer object the gateway streamed the body into (ADR 0007). */
export class ImportEraCommand {
  @IsUUID()
  practiceId: string;

  @Matches(/^upload\/[0-9a-f-]{36}$/, { message: 'transferObject must be upload/<uuid>' })
  transferObject: string;

  @Transform(trim)
  @IsString()
  @Length(1, ERA_FILE_NAME_MAX)
  @Matches(/^[^/\\\p{Cc}]+$/u, {
    message: 'fileName must be a file name without slashes or control characters',
  })
  fileName: string;
}

export class ListErasParams extends PaymentsPageParams {
  @IsOptional()
  @IsIn(ERA_TRANSACTION_STATUSES, { message: `status must be one of ${ERA_TRANSACTION_STATUSES.join(', ')}` })
  status?: EraTransactionStatus;
}

export class ListErasQuery extends ListErasParams {
  @IsUUID()
  practiceId: string;
}

export class EraRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  transactionId: string;
}

export class ClaimPaymentsRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  claimId: string;
}

export class ListUnmatchedParams extends PaymentsPageParams {
  @IsOptional()
  @IsIn(UNMATCHED_STATES, { message: `state must be one of ${UNMATCHED_STATES.join(', ')}` })
  state?: UnmatchedState;
}

export class ListUnmatchedQuery extends ListUnmatchedParams {
  @IsUUID()
  practiceId: string;
}

/** Match an unmatched claim payment to a claim by hand, or post it as unapplied. */
export class ResolveUnmatchedBody {
  @IsIn(UNMATCHED_ACTIONS, { message: `action must be one of ${UNMATCHED_ACTIONS.join(', ')}` })
  action: UnmatchedAction;

  @ValidateIf((o: ResolveUnmatchedBody) => o.action === 'match')
  @IsUUID(undefined, { message: 'claimId must be the UUID of a claim of this practice when action is match' })
  claimId?: string;
}

export class ResolveUnmatchedCommand extends ResolveUnmatchedBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  unmatchedId: string;
}

export class ClientLedgerQuery {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  clientId: string;
}

/** `?name=` of a raw-body 835 upload: the file's name as the biller knows it. */
export class UploadEraParams {
  @Transform(trim)
  @IsString()
  @Length(1, ERA_FILE_NAME_MAX)
  @Matches(/^[^/\\\p{Cc}]+$/u, { message: 'name must be a file name without slashes or control characters' })
  name: string;
}
