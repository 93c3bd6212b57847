import { Injectable } from '@nestjs/common';
import { CLIENT_INSURANCE_SERVICE, type ClientInsuranceEvents } from '@claimline/contracts/client-insurance';
import { ConsumedStream, EventConsumerHost } from '@claimline/backend/util-nats';
import { PayerDirectory } from '../payers/payer-directory';
import { EnrollmentEngine } from './enrollment-engine';

export const CLIENT_INSURANCE_DURABLE = 'enrollments-client-insurance';

/**
 * Feeds the read models from client-insurance's stream: which payers each practice's clients use
 * (`practice-payers.changed`) and the payer directory's requirements (`payer.created/updated`).
 * Each event is handled once (inbox) in one transaction with the status changes it causes.
 */
@Injectable()
export class ClientInsuranceConsumer extends EventConsumerHost<ClientInsuranceEvents> {
  constructor(
    private readonly engine: EnrollmentEngine,
    private readonly payers: PayerDirectory,
  ) {
    super();
  }

  protected streams(): ConsumedStream<ClientInsuranceEvents>[] {
    return [
      {
        durable: CLIENT_INSURANCE_DURABLE,
        service: CLIENT_INSURANCE_SERVICE,
        handlers: {
          'client-insurance.practice-payers.changed': (event, m) =>
            this.engine.practicePayersChanged(m, event.data),
          'client-insurance.payer.created': (event, m) => this.payers.apply(m, event.data.payer),
          'client-insurance.payer.updated': (event, m) => this.payers.apply(m, event.data.payer),
        },
      },
    ];
  }
}
