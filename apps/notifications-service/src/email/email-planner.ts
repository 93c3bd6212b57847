import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@claimline/contracts/common';
import { optedOut, practiceRef } from '../directory/directory';
import { NotificationRule } from '../notifications/registry';
import { EmailEntity } from './entities/email.entity';

/** Thrown when an event names a practice the read model has not seen yet: the consumer retries later. */
export class PracticeNotKnownYet extends Error {
  constructor(practiceId: string) {
    super(`practice ${practiceId} is not in the read model yet; will retry`);
    this.name = 'PracticeNotKnownYet';
  }
}

/**
 * Turns one event into e-mail rows, inside the transaction that also writes the event's inbox
 * row (EventConsumer): either the event is marked handled and its e-mails exist, or neither.
 * One row per (event id, recipient), enforced by a unique constraint as well.
 */
export async function planEmails(
  m: EntityManager,
  event: EventEnvelope<unknown>,
  rule: NotificationRule<unknown, unknown>,
  consoleUrl: string,
): Promise<string[]> {
  if (!rule.applies(event)) return [];
  const practiceId = rule.practiceId(event);
  const practice = await practiceRef(m, practiceId);
  if (!practice) throw new PracticeNotKnownYet(practiceId);
  const rendered = rule.template.render(rule.context(event, { practiceName: practice.name, consoleUrl }));
  const recipients = await rule.recipients(m, practiceId, event);
  const off = await optedOut(m, practiceId, rule.kind);
  const ids: string[] = [];
  for (const r of recipients) {
    if (off.has(r.email)) continue;
    const { raw } = await m
      .createQueryBuilder()
      .insert()
      .into(EmailEntity)
      .values({
        id: randomUUID(),
        eventId: event.id,
        eventType: event.type,
        kind: rule.kind,
        template: rule.template.name,
        practiceId,
        recipient: r.email,
        subject: rendered.subject,
        textBody: rendered.text,
        htmlBody: rendered.html,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const [inserted] = raw as { id: string }[];
    if (inserted) ids.push(inserted.id);
  }
  return ids;
}
