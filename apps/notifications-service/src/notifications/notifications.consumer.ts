import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EventEnvelope, EventMap } from '@claimline/contracts/common';
import { ConsumedStream, EventConsumerHost, serviceOf } from '@claimline/backend/util-nats';
import { NotificationsEnv } from '../config/env';
import { planEmails } from '../email/email-planner';
import { EmailSenderHost } from '../email/email-sender.host';
import { NOTIFICATION_REGISTRY, NotificationRule } from './registry';

/** Durable consumer name for a producing service's stream, e.g. `notifications-enrollments`. */
export function durableFor(service: string): string {
  return `notifications-${service}`;
}

/** Groups the registry by producing service: one durable consumer per stream. */
export function consumersPlan(
  registry: Readonly<Record<string, NotificationRule<unknown, unknown>>>,
): Map<string, string[]> {
  const plan = new Map<string, string[]>();
  for (const type of Object.keys(registry)) {
    const service = serviceOf(type);
    plan.set(service, [...(plan.get(service) ?? []), type]);
  }
  return plan;
}

/**
 * Subscribes to every event type of the registry: for each producing service a durable
 * JetStream consumer whose handler writes the e-mail rows in the same transaction as the
 * event's inbox row, so a redelivered event creates nothing twice.
 */
@Injectable()
export class NotificationsConsumer extends EventConsumerHost<EventMap> {
  constructor(
    private readonly env: NotificationsEnv,
    private readonly sender: EmailSenderHost,
  ) {
    super();
  }

  protected streams(): ConsumedStream<EventMap>[] {
    return [...consumersPlan(NOTIFICATION_REGISTRY)].map(([service, types]) => ({
      durable: durableFor(service),
      service,
      handlers: Object.fromEntries(types.map((type) => [type, (e, m) => this.queueEmails(type, e, m)])),
    }));
  }

  private async queueEmails(type: string, event: EventEnvelope<unknown>, m: EntityManager): Promise<void> {
    const ids = await planEmails(m, event, NOTIFICATION_REGISTRY[type], this.env.CONSOLE_URL);
    if (ids.length > 0) {
      this.logger.log(`${event.type} ${event.id}: ${ids.length} e-mail(s) queued`);
      // After the commit (the handler runs inside the transaction), look for them at once.
      setTimeout(() => this.sender.sender.wake(), 20);
    }
  }
}
