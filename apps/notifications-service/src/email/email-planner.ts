import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@claimline/contracts/common';
import { optedOut, practiceRef } from '../directory/directory';
import { NotificationRule } from '../notifications/registry';
import { SCHEMA } from '../config/env';

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
  const recipients = await rule.recipients(m, practiceId);
  const off = await optedOut(m, practiceId, rule.kind);
  const ids: string[] = [];
  for (const r of recipients) {
    if (off.has(r.email)) continue;
    const rows: { id: string }[] = await m.query(
      `INSERT INTO "${SCHEMA}"."email" ("id", "event_id", "event_type", "kind", "template", "practice_id", "recipient", "subject", "text_body", "html_body")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT ("event_id", "recipient") DO NOTHING RETURNING "id"`,
      [
        randomUUID(),
        event.id,
        event.type,
        rule.kind,
        rule.template.name,
        practiceId,
        r.email,
        rendered.subject,
        rendered.text,
        rendered.html,
      ],
    );
    if (rows[0]) ids.push(rows[0].id);
  }
  return ids;
}
