import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { Actor } from '@claimline/contracts/common';
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

  @MessagePattern(S.emailList)
  listEmails(@Payload('actor') actor: Actor, @Payload('data') query: ListEmailsQuery) {
    return this.log.list(actor, query);
  }

  @MessagePattern(S.preferencesGet)
  getPreferences(@Payload('actor') actor: Actor, @Payload('data') query: PracticePreferencesQuery) {
    return this.preferences.get(actor, query.practiceId);
  }

  @MessagePattern(S.preferencesUpdate)
  updatePreferences(@Payload('actor') actor: Actor, @Payload('data') cmd: UpdatePreferencesCommand) {
    return this.preferences.update(actor, cmd);
  }

  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: 'notifications' };
  }
}
