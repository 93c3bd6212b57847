import { OmitType } from '@nestjs/swagger';
import { CheckEligibilityCommand } from '@claimline/contracts/client-insurance';

/** Body of "check now": `{ date? }` (YYYY-MM-DD); the practice and policy come from the path. */
export class CheckEligibilityBody extends OmitType(CheckEligibilityCommand, [
  'practiceId',
  'policyId',
] as const) {}
