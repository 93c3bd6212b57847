import { Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLAIM_EDITOR_ROLES } from '@claimline/contracts/claims';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { CLAIMS, ClaimsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';

/** "Filed outside": an appointment billed elsewhere gets a claim kept for the record. */
@ApiTags('claims')
@ApiBearerAuth()
@Controller('practices/:practiceId/appointments')
export class FiledOutsideController {
  constructor(@Inject(CLAIMS) private readonly claims: ClaimsClient) {}

  @Post(':appointmentId/file-outside')
  @Roles(...CLAIM_EDITOR_ROLES)
  @Audit({ resource: 'claim', action: 'create' })
  @ApiOperation({
    summary:
      'Record the appointment as filed outside Claimline: a claim in status Downloaded, kept for the record and never submitted; the appointment leaves the unbilled list',
  })
  fileOutside(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('appointmentId', UuidParam) appointmentId: string,
  ) {
    return this.claims.send('claims.appointment.file-outside', { practiceId, appointmentId }, rpc);
  }
}
