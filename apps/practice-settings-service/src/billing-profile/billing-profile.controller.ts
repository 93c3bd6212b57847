import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller, PRACTICE_EDITORS } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  PracticeRefDto,
  PracticeSettingsSubjects as S,
  PutBillingProfileCommand,
} from '@claimline/contracts/practice-settings';
import { BillingProfileService } from './billing-profile.service';

@Controller()
export class BillingProfileController {
  constructor(private readonly profiles: BillingProfileService) {}

  // client-insurance: the NPI an eligibility inquiry (270) is sent with.
  @Authorize({
    roles: ROLES,
    services: ['enrollments', 'claims', 'client-insurance'],
    practice: 'practiceId',
  })
  @MessagePattern(S.billingProfileGet)
  get(@Caller() actor: Principal, @Payload('data') dto: PracticeRefDto) {
    return this.profiles.get(actor, dto.practiceId);
  }

  @Authorize({ roles: PRACTICE_EDITORS, practice: 'practiceId' })
  @MessagePattern(S.billingProfilePut)
  put(@Caller() actor: Principal, @Payload('data') cmd: PutBillingProfileCommand) {
    return this.profiles.put(actor, cmd);
  }
}
