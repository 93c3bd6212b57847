import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { type Principal, principalId } from '@claimline/contracts/common';
import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type PracticePreferencesView,
  type RecipientPreferencesView,
  type UpdatePreferencesCommand,
} from '@claimline/contracts/notifications';
import { RpcError } from '@claimline/backend/util-nats';
import { practiceRecipients, Recipient } from '../directory/directory';
import { RecipientPreferenceEntity } from './entities/recipient-preference.entity';

/** Per-recipient switches: which notifications each owner / the practice address wants. Default on. */
@Injectable()
export class PreferencesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(actor: Principal, practiceId: string): Promise<PracticePreferencesView> {
    const recipients = await practiceRecipients(this.db.manager, practiceId);
    const switches = await this.switches(this.db.manager, practiceId);
    return { practiceId, recipients: recipients.map((r) => view(r, switches.get(r.email))) };
  }

  async update(actor: Principal, cmd: UpdatePreferencesCommand): Promise<RecipientPreferencesView> {
    return this.db.transaction(async (m) => {
      const recipient = (await practiceRecipients(m, cmd.practiceId)).find((r) => r.email === cmd.email);
      if (!recipient) {
        throw RpcError.field(
          'email',
          'not_recipient',
          `${cmd.email} does not receive this practice's e-mails (only owners and the practice e-mail do)`,
        );
      }
      for (const kind of NOTIFICATION_KINDS) {
        const enabled = cmd.notifications[kind];
        if (enabled === undefined) continue;
        await m.upsert(
          RecipientPreferenceEntity,
          { practiceId: cmd.practiceId, email: cmd.email, kind, enabled, updatedBy: principalId(actor) },
          ['practiceId', 'email', 'kind'],
        );
      }
      return view(recipient, (await this.switches(m, cmd.practiceId)).get(cmd.email));
    });
  }

  private async switches(
    m: EntityManager,
    practiceId: string,
  ): Promise<Map<string, Map<NotificationKind, boolean>>> {
    const rows = await m.findBy(RecipientPreferenceEntity, { practiceId });
    const byEmail = new Map<string, Map<NotificationKind, boolean>>();
    for (const r of rows) byEmail.set(r.email, (byEmail.get(r.email) ?? new Map()).set(r.kind, r.enabled));
    return byEmail;
  }
}

function view(r: Recipient, switches: Map<NotificationKind, boolean> | undefined): RecipientPreferencesView {
  return {
    email: r.email,
    sources: r.sources,
    notifications: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, switches?.get(k) ?? true])) as Record<
      NotificationKind,
      boolean
    >,
  };
}
