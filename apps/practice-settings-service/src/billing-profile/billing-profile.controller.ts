import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Actor } from '@claimline/contracts/common';
import {
  PracticeRefDto,
  PracticeSettingsSubjects as S,
  PutBillingProfileCommand,
} from '@claimline/contracts/practice-settings';
import { BillingProfileService } from './billing-profile.service';

@Controller()
export class BillingProfileController {
  constructor(private readonly profiles: BillingProfileService) {}

  @MessagePattern(S.billingProfileGet)
  get(@Payload('actor') actor: Actor, @Payload('data') dto: PracticeRefDto) {
    return this.profiles.get(actor, dto.practiceId);
  }

  @MessagePattern(S.billingProfilePut)
  put(@Payload('actor') actor: Actor, @Payload('data') cmd: PutBillingProfileCommand) {
    return this.profiles.put(actor, cmd);
  }
}
