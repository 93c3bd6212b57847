import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  ClaimsSubjects as S,
  CommitAppointmentImportCommand,
  PreviewAppointmentImportCommand,
} from '@claimline/contracts/claims';
import { AppointmentImportService } from './appointment-import.service';

/** Message handlers only. Whoever may record an appointment may import them (every role of the practice). */
@Controller()
export class AppointmentImportController {
  constructor(private readonly imports: AppointmentImportService) {}

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.appointmentImportPreview)
  preview(@Caller() _actor: Principal, @Payload('data') cmd: PreviewAppointmentImportCommand) {
    return this.imports.preview(cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.appointmentImportCommit)
  commit(@Caller() actor: Principal, @Payload('data') cmd: CommitAppointmentImportCommand) {
    return this.imports.commit(actor, cmd);
  }
}
