import { randomUUID } from 'node:crypto';
import { INestMicroservice } from '@nestjs/common';
import type { Actor, Role } from '@claimline/contracts/common';
import {
  MessagingEventTypes,
  type MessagingEvents,
  type MessagingRpc,
  type ParticipantInput,
} from '@claimline/contracts/messaging';
import type {
  PracticeSettingsEvents,
  PracticeView,
  TeamMemberView,
} from '@claimline/contracts/practice-settings';
import { runMigrations } from '@claimline/backend/util-persistence';
import { ServiceHarness } from '@claimline/backend/util-service-testing';
import { waitFor } from '@claimline/backend/util-testing';
import { AppModule } from '../../src/app.module';
import { MessagingEnv } from '../../src/config/env';
import { messagingDataSourceOptions } from '../../src/database/data-source';

export interface Person {
  actor: Actor;
  participant: ParticipantInput;
}

const address = { line1: '100 Congress Ave', city: 'Austin', state: 'TX', zip: '78701' };

export function practiceView(
  secureMessagingEnabled: boolean,
  version = 1,
  id: string = randomUUID(),
): PracticeView {
  const now = new Date().toISOString();
  return {
    id,
    type: 'group',
    name: 'Quiet Harbor Counseling',
    legalName: null,
    phone: '5125550100',
    email: 'office@quietharbor.test',
    address,
    secureMessagingEnabled,
    settingsComplete: false,
    version,
    createdAt: now,
    updatedAt: now,
  };
}

export function memberView(
  practiceId: string,
  email: string,
  secureMessagingEnabled: boolean,
  version = 1,
  id: string = randomUUID(),
): TeamMemberView {
  const now = new Date().toISOString();
  return {
    id,
    practiceId,
    firstName: 'Dana',
    lastName: 'Rivera',
    email,
    role: 'owner',
    credentials: [],
    npi: null,
    taxonomyCode: null,
    secureMessagingEnabled,
    version,
    createdAt: now,
    updatedAt: now,
  };
}

/** A signed-in user and the participant the gateway would resolve them to. */
export function person(role: Role, practiceIds: string[] | null, email: string, displayName: string): Person {
  const userId = randomUUID();
  return {
    actor: { userId, role, practiceIds },
    participant: { kind: 'user', id: userId, role, email, displayName },
  };
}

/**
 * messaging on the real servers: practice-settings' events published onto JetStream as its relay
 * would (the Secure Messaging switches), an observer of messaging's own events.
 */
export class Harness extends ServiceHarness<MessagingRpc, MessagingEvents> {
  constructor(options: { trusts?: string[]; env?: Record<string, string> } = {}) {
    super({
      service: 'messaging',
      migrate: (url) => runMigrations(messagingDataSourceOptions(url)),
      observe: Object.values(MessagingEventTypes),
      trusts: options.trusts,
      env: { UNREAD_EMAIL_POLL_MS: '100', MESSAGE_EDIT_WINDOW_SECONDS: '2', ...options.env },
    });
  }

  start(extra: Record<string, string> = {}): Promise<INestMicroservice> {
    return this.startApp(MessagingEnv, (env) => AppModule.register(env), extra);
  }

  async publishPractice(practice: PracticeView, type: 'created' | 'updated' = 'created'): Promise<void> {
    const t = `practice-settings.practice.${type}` as const;
    const data: PracticeSettingsEvents[typeof t] = { practice, changed: ['secureMessagingEnabled'] };
    await this.publish('practice-settings', this.envelope(t, practice.id, practice.id, data));
  }

  async publishMember(member: TeamMemberView, type: 'added' | 'updated' = 'added'): Promise<void> {
    const t = `practice-settings.team-member.${type}` as const;
    const data: PracticeSettingsEvents[typeof t] = { member, changed: ['secureMessagingEnabled'] };
    await this.publish('practice-settings', this.envelope(t, member.id, member.practiceId, data));
  }

  /** Waits until the read model has the practice's switch as given. */
  async practiceSwitch(practiceId: string, on: boolean): Promise<void> {
    await waitFor(`practice ${practiceId} messaging ${on}`, async () => {
      const rows: { on: boolean }[] = await this.sql.query(
        'SELECT secure_messaging_enabled AS on FROM messaging.practice_ref WHERE practice_id = $1',
        [practiceId],
      );
      return rows[0]?.on === on;
    });
  }

  async memberSwitch(memberId: string, on: boolean): Promise<void> {
    await waitFor(`member ${memberId} messaging ${on}`, async () => {
      const rows: { on: boolean }[] = await this.sql.query(
        'SELECT secure_messaging_enabled AS on FROM messaging.member_ref WHERE member_id = $1',
        [memberId],
      );
      return rows[0]?.on === on;
    });
  }

  timers(
    threadId: string,
  ): Promise<
    { message_id: string; recipient_id: string; due_at: Date; done_at: Date | null; outcome: string | null }[]
  > {
    return this.sql.query(
      `SELECT u.message_id, u.recipient_id, u.due_at, u.done_at, u.outcome FROM messaging.unread_email u
        JOIN messaging.message m ON m.id = u.message_id WHERE u.thread_id = $1 ORDER BY m.seq, u.recipient_id`,
      [threadId],
    );
  }
}
