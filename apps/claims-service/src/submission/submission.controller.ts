import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  ClaimSubmissionHistoryQuery,
  ClearinghouseAccountsQuery,
  SUBMISSION_ROLES,
  SubmissionPageQuery,
  SubmissionSubjects as S,
  SubmitClaimsCommand,
  UnmatchedResponsesQuery,
} from '@claimline/contracts/claims';
import { ClearinghouseAccounts } from '../clearinghouse/clearinghouse-accounts';
import { SubmissionService } from './submission.service';

/**
 * Message handlers only. The practice's billing roles send claims and work the rejections; every
 * role of the practice reads batches and a claim's submissions. Unmatched responses belong to no
 * practice, and the accounts are the deployment's: admins only.
 */
@Controller()
export class SubmissionController {
  constructor(
    private readonly submissions: SubmissionService,
    private readonly accounts: ClearinghouseAccounts,
  ) {}

  @Authorize({ roles: SUBMISSION_ROLES, practice: 'practiceId' })
  @MessagePattern(S.submit)
  submit(@Caller() actor: Principal, @Payload('data') cmd: SubmitClaimsCommand) {
    return this.submissions.submit(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.batchList)
  batches(@Caller() _actor: Principal, @Payload('data') query: SubmissionPageQuery) {
    return this.submissions.batches(query);
  }

  @Authorize({ roles: SUBMISSION_ROLES, practice: 'practiceId' })
  @MessagePattern(S.rejectedList)
  rejected(@Caller() _actor: Principal, @Payload('data') query: SubmissionPageQuery) {
    return this.submissions.rejected(query);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.history)
  history(@Caller() _actor: Principal, @Payload('data') query: ClaimSubmissionHistoryQuery) {
    return this.submissions.history(query);
  }

  @Authorize({ roles: ['admin'] })
  @MessagePattern(S.unmatchedList)
  unmatched(@Caller() _actor: Principal, @Payload('data') query: UnmatchedResponsesQuery) {
    return this.submissions.unmatched(query);
  }

  @Authorize({ roles: ['admin'] })
  @MessagePattern(S.accountList)
  accountList(@Caller() _actor: Principal, @Payload('data') query: ClearinghouseAccountsQuery) {
    return { items: this.accounts.views().filter((a) => !query.name || a.name === query.name) };
  }
}
