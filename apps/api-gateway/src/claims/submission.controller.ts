import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQueryDto } from '@claimline/contracts/common';
import {
  ClearinghouseAccountsQuery,
  SUBMISSION_ROLES,
  SubmitClaimsBody,
  UnmatchedResponsesQuery,
} from '@claimline/contracts/claims';
import type { RpcCallOptions } from '@claimline/backend/util-nats';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { Rpc } from '../common/request-meta';
import { CLAIMS, ClaimsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';

/** Scrubbing every claim again and writing the files takes longer than a read. */
const SUBMIT_TIMEOUT_MS = 60_000;

/**
 * Claims sent to the clearinghouse (issue #17, ADR 0023): the billing roles submit and work the
 * rejections; every role of the practice reads the batches and a claim's submissions. PHI:
 * audited like the claims.
 */
@ApiTags('claims')
@ApiBearerAuth()
@Controller('practices/:practiceId')
export class SubmissionController {
  constructor(@Inject(CLAIMS) private readonly claims: ClaimsClient) {}

  @Post('claim-submissions')
  @HttpCode(200)
  @Roles(...SUBMISSION_ROLES)
  @Audit({ resource: 'claim_submission', action: 'create' })
  @ApiOperation({
    summary:
      'Send claims to the clearinghouse: each is scrubbed again (enrollment included); `refused` names each claim that cannot go and why, ' +
      'the others are grouped into one 837P per payer (`batches`), recorded, then uploaded by the worker; statuses follow the answers (Submitted, Received, Accepted or Rejected)',
  })
  submit(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: SubmitClaimsBody) {
    return this.claims.send(
      'claims.submission.submit',
      { ...body, practiceId },
      { ...rpc, timeoutMs: SUBMIT_TIMEOUT_MS },
    );
  }

  @Get('submission-batches')
  @Audit({ resource: 'claim_submission', action: 'list' })
  @ApiOperation({
    summary: 'The practice’s 837P batches, newest first: file, interchange number, payer, status',
  })
  batches(@InPractice() { practiceId, rpc }: PracticeCall, @Query() query: PageQueryDto) {
    return this.claims.send('claims.submission.batch-list', { ...query, practiceId }, rpc);
  }

  @Get('rejected-claims')
  @Roles(...SUBMISSION_ROLES)
  @Audit({ resource: 'claim', action: 'list' })
  @ApiOperation({
    summary:
      'The rejection work queue: rejected claims with the latest reason in words; fix what it says, then submit again (a new submission, CLM01 `-n`)',
  })
  rejected(@InPractice() { practiceId, rpc }: PracticeCall, @Query() query: PageQueryDto) {
    return this.claims.send('claims.submission.rejected-list', { ...query, practiceId }, rpc);
  }

  @Get('claims/:claimId/submissions')
  @Audit({ resource: 'claim_submission', action: 'read', idParam: 'claimId' })
  @ApiOperation({ summary: 'Each submission of the claim with every answer (TA1, 999, 277CA) in words' })
  history(@InPractice() { practiceId, rpc }: PracticeCall, @Param('claimId', UuidParam) claimId: string) {
    return this.claims.send('claims.submission.history', { practiceId, claimId }, rpc);
  }
}

/** The deployment's clearinghouse side (admins): responses that matched nothing, and the accounts. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/clearinghouse')
export class AdminClearinghouseController {
  constructor(@Inject(CLAIMS) private readonly claims: ClaimsClient) {}

  @Get('unmatched-responses')
  @Roles('admin')
  @Audit({ resource: 'clearinghouse', action: 'list' })
  @ApiOperation({
    summary:
      'Responses (or parts) that matched no batch or claim of ours, newest first: kept for a person to look at, never dropped',
  })
  unmatched(@Query() query: UnmatchedResponsesQuery, @Rpc() rpc: RpcCallOptions) {
    return this.claims.send('claims.submission.unmatched-list', query, rpc);
  }

  @Get('accounts')
  @Roles('admin')
  @Audit({ resource: 'clearinghouse', action: 'read' })
  @ApiOperation({
    summary:
      'The clearinghouse accounts configured (CLEARINGHOUSE_ACCOUNTS_FILE), read-only and without their keys; `name` picks one',
  })
  accounts(@Query() query: ClearinghouseAccountsQuery, @Rpc() rpc: RpcCallOptions) {
    return this.claims.send('claims.clearinghouse-account.list', query, rpc);
  }
}
