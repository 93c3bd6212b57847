import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import { CLAIM_EDITOR_ROLES, ClaimRefDto, ClaimsSubjects as S } from '@claimline/contracts/claims';
import { ClaimStatusInquiryService } from './claim-status-inquiry.service';

@Controller()
export class ClaimStatusInquiryController {
  constructor(private readonly inquiries: ClaimStatusInquiryService) {}

  @Authorize({ roles: CLAIM_EDITOR_ROLES, practice: 'practiceId' })
  @MessagePattern(S.claimStatusInquire)
  inquire(@Caller() actor: Principal, @Payload('data') ref: ClaimRefDto) {
    return this.inquiries.inquire(actor, ref.practiceId, ref.claimId);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.claimPayerStatus)
  last(@Caller() _actor: Principal, @Payload('data') ref: ClaimRefDto) {
    return this.inquiries.last(ref.practiceId, ref.claimId);
  }
}
