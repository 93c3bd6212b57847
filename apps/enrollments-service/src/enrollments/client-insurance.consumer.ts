import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { CLIENT_INSURANCE_SERVICE, type ClientInsuranceEvents } from '@claimline/contracts/client-insurance';
import { EVENTS_CONFIG, EventConsumer, EventsConfig, NATS_CONNECTION } from '@claimline/backend/util-nats';
import { SCHEMA } from '../config/env';
import { PayerDirectory } from '../payers/payer-directory';
import { EnrollmentEngine } from './enrollment-engine';

export const CLIENT_INSURANCE_DURABLE = 'enrollments-client-insurance';

/**
 * Feeds the read models from client-insurance's stream: which payers each practice's clients use
 * (`practice-payers.changed`) and the payer directory's requirements (`payer.created/updated`).
 * Each event is handled once (inbox) in one transaction with the status changes it causes.
 */
@Injectable()
export class ClientInsuranceConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  readonly consumer: EventConsumer<ClientInsuranceEvents>;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(EVENTS_CONFIG) events: EventsConfig,
    @InjectDataSource() db: DataSource,
    engine: EnrollmentEngine,
    payers: PayerDirectory,
  ) {
    this.consumer = new EventConsumer<ClientInsuranceEvents>(nc, db, {
      durable: CLIENT_INSURANCE_DURABLE,
      service: CLIENT_INSURANCE_SERVICE,
      schema: SCHEMA,
      events,
      handlers: {
        'client-insurance.practice-payers.changed': (event, m) => engine.practicePayersChanged(m, event.data),
        'client-insurance.payer.created': (event, m) => payers.apply(m, event.data.payer),
        'client-insurance.payer.updated': (event, m) => payers.apply(m, event.data.payer),
      },
      logger: new Logger('ClientInsuranceConsumer'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
  }
}
