import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsUUID,
  Matches,
} from 'class-validator';
import { PageQueryDto } from '@claimline/contracts/common';
import { MAX_CLAIMS_PER_SUBMISSION } from './submission.subjects';
import type {
  ClaimSubmissionHistoryView,
  ClearinghouseAccountView,
  RejectedClaimPage,
  SubmissionBatchPage,
  SubmitClaimsResult,
  UnmatchedResponsePage,
} from './submission.views';

export type * from './submission.views';

/** POST body: the claims to send; `account` names the clearinghouse account when more than one is configured. */
export class SubmitClaimsBody {
  @IsArray()
  @ArrayMinSize(1, { message: `claimIds must list 1 to ${MAX_CLAIMS_PER_SUBMISSION} claims` })
  @ArrayMaxSize(MAX_CLAIMS_PER_SUBMISSION, {
    message: `claimIds must list 1 to ${MAX_CLAIMS_PER_SUBMISSION} claims`,
  })
  @ArrayUnique({ message: 'claimIds must not list a claim twice' })
  @IsUUID('all', { each: true, message: 'each of claimIds must be a UUID' })
  claimIds: string[];

  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'account must be the name of a clearinghouse account' })
  account?: string;
}

export class SubmitClaimsCommand extends SubmitClaimsBody {
  @IsUUID()
  practiceId: string;
}

export class SubmissionPageQuery extends PageQueryDto {
  @IsUUID()
  practiceId: string;
}

export class ClaimSubmissionHistoryQuery {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  claimId: string;
}

export class UnmatchedResponsesQuery extends PageQueryDto {}

/** `name`: only that account. */
export class ClearinghouseAccountsQuery {
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,31}$/, { message: 'name must be the name of a clearinghouse account' })
  name?: string;
}

/** Subject → request/response of the submission routes (part of `ClaimsRpc`). */
export interface SubmissionRpc {
  'claims.submission.submit': { request: SubmitClaimsCommand; response: SubmitClaimsResult };
  'claims.submission.batch-list': { request: SubmissionPageQuery; response: SubmissionBatchPage };
  'claims.submission.rejected-list': { request: SubmissionPageQuery; response: RejectedClaimPage };
  'claims.submission.history': {
    request: ClaimSubmissionHistoryQuery;
    response: ClaimSubmissionHistoryView;
  };
  'claims.submission.unmatched-list': { request: UnmatchedResponsesQuery; response: UnmatchedResponsePage };
  'claims.clearinghouse-account.list': {
    request: ClearinghouseAccountsQuery;
    response: { items: ClearinghouseAccountView[] };
  };
}
