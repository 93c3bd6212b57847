import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { NatsConnection, Subscription } from 'nats';
import {
  EVENTS_CONFIG,
  type EventsConfig,
  eventSubject,
  eventTypeOf,
  NATS_CONNECTION,
} from '@claimline/backend/util-nats';
import type { EventEnvelope } from '@claimline/contracts/common';
import { MESSAGING_SERVICE } from '@claimline/contracts/messaging';
import { pushOf } from './push-routing';
import { RealtimeGateway } from './realtime.gateway';

/**
 * Every replica hears every messaging event: an ordinary (non-durable, no queue group) NATS
 * subscription on the stream's subjects, which JetStream publishes on like any subject. Nothing
 * is kept: an event heard while a socket was away is caught up by the client over REST (ADR 0026).
 */
@Injectable()
export class MessagingPush implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private subscription: Subscription | undefined;

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(EVENTS_CONFIG) private readonly events: EventsConfig,
    private readonly sockets: RealtimeGateway,
  ) {}

  onModuleInit(): void {
    this.subscription = this.nc.subscribe(eventSubject(this.events, `${MESSAGING_SERVICE}.>`), {
      callback: (error, msg) => {
        if (error) return this.logger.warn(`messaging events: ${error.message}`);
        try {
          const envelope = msg.json<EventEnvelope>();
          const push = pushOf(eventTypeOf(this.events, msg.subject), envelope.data);
          if (push) this.sockets.deliver(push);
        } catch (e) {
          this.logger.warn(`a messaging event could not be pushed: ${(e as Error).message}`);
        }
      },
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
