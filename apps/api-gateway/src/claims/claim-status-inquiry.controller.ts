import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLAIM_EDITOR_ROLES } from '@claimline/contracts/claims';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { InPractice, type PracticeCall } from '../common/in-practice';
import { UuidParam } from '../common/params';
import { CLAIMS, ClaimsClient } from '../common/rpc';

/**
 * What the payer says of a claim at the payer (276 → 277 through the clearinghouse): ask now
 * (billing roles) and the last answer (every role of the practice); audited against the claim.
 */
@ApiTags('claims')
@ApiBearerAuth()
@Controller('practices/:practiceId/claims/:claimId/payer-status')
export class ClaimStatusInquiryController {
  constructor(@Inject(CLAIMS) private readonly claims: ClaimsClient) {}

  @Post()
  @HttpCode(200)
  @Roles(...CLAIM_EDITOR_ROLES)
  @Audit({ resource: 'claim', action: 'read', idParam: 'claimId' })
  @ApiOperation({
    summary:
      'Ask the payer now for the status of a claim at the payer (submitted, received or accepted; 409 otherwise); the answer in words is kept with the claim',
  })
  inquire(@InPractice() { practiceId, rpc }: PracticeCall, @Param('claimId', UuidParam) claimId: string) {
    return this.claims.send('claims.claim.status-inquire', { practiceId, claimId }, rpc);
  }

  @Get()
  @Audit({ resource: 'claim', action: 'read', idParam: 'claimId' })
  @ApiOperation({ summary: 'The payer’s last answer about the claim (`last` is null before the first)' })
  last(@InPractice() { practiceId, rpc }: PracticeCall, @Param('claimId', UuidParam) claimId: string) {
    return this.claims.send('claims.claim.payer-status', { practiceId, claimId }, rpc);
  }
}
