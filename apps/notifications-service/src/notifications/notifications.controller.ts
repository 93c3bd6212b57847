import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller, PRACTICE_EDITORS } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  ListEmailsQuery,
  NotificationsSubjects as S,
  PracticePreferencesQuery,
  UpdatePreferencesCommand,
} from '@claimline/contracts/notifications';
import { EmailLogService } from '../email/email-log.service';
import { PreferencesService } from '../preferences/preferences.service';

@Controller()
export class NotificationsController {
  constructor(
    private readonly log: EmailLogService,
    private readonly preferences: PreferencesService,
  ) {}

  @Authorize({ roles: ['admin'] })
  @MessagePattern(S.emailList)
  listEmails(@Caller() actor: Principal, @Payload('data') query: ListEmailsQuery) {
    return this.log.list(actor, query);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.preferencesGet)
  getPreferences(@Caller() actor: Principal, @Payload('data') query: PracticePreferencesQuery) {
    return this.preferences.get(actor, query.practiceId);
  }

  @Authorize({ roles: PRACTICE_EDITORS, practice: 'practiceId' })
  @MessagePattern(S.preferencesUpdate)
  updatePreferences(@Caller() actor: Principal, @Payload('data') cmd: UpdatePreferencesCommand) {
    return this.preferences.update(actor, cmd);
  }

  @Authorize({ services: ['api-gateway'] })
  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: 'notifications' };
  }
}
