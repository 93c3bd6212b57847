import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NatsConnection } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope, EventMap } from '@claimline/contracts/common';
import {
  EVENTS_CONFIG,
  EventConsumer,
  EventsConfig,
  NATS_CONNECTION,
  serviceOf,
} from '@claimline/backend/util-nats';
import { NotificationsEnv, SCHEMA } from '../config/env';
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
export class NotificationConsumers implements OnApplicationBootstrap, OnModuleDestroy {
  readonly consumers = new Map<string, EventConsumer<EventMap>>();

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(EVENTS_CONFIG) events: EventsConfig,
    @InjectDataSource() db: DataSource,
    env: NotificationsEnv,
    sender: EmailSenderHost,
  ) {
    for (const [service, types] of consumersPlan(NOTIFICATION_REGISTRY)) {
      const logger = new Logger(`Notifications:${service}`);
      const handlers = Object.fromEntries(
        types.map((type) => [
          type,
          async (event: EventEnvelope<unknown>, m: EntityManager) => {
            const ids = await planEmails(m, event, NOTIFICATION_REGISTRY[type], env.CONSOLE_URL);
            if (ids.length > 0) {
              logger.log(`${event.type} ${event.id}: ${ids.length} e-mail(s) queued`);
              // After the commit (the handler runs inside the transaction), look for them at once.
              setTimeout(() => sender.sender.wake(), 20);
            }
          },
        ]),
      );
      this.consumers.set(
        service,
        new EventConsumer<EventMap>(nc, db, {
          durable: durableFor(service),
          service,
          schema: SCHEMA,
          events,
          handlers,
          logger,
        }),
      );
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const c of this.consumers.values()) await c.start();
  }

  async onModuleDestroy(): Promise<void> {
    for (const c of this.consumers.values()) await c.stop();
  }
}
