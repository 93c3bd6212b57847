import { Injectable } from '@nestjs/common';
import { PAYMENTS_SERVICE, type PaymentsEvents } from '@claimline/contracts/payments';
import { ConsumedStream, EventConsumerHost } from '@claimline/backend/util-nats';
import { applyAdjudication } from './adjudication';

export const PAYMENTS_DURABLE = 'claims-payments';

/** Moves claims by the ERA results payments-service announces (`payments.claim.adjudicated`). */
@Injectable()
export class AdjudicationConsumer extends EventConsumerHost<PaymentsEvents> {
  protected streams(): ConsumedStream<PaymentsEvents>[] {
    return [
      {
        durable: PAYMENTS_DURABLE,
        service: PAYMENTS_SERVICE,
        handlers: {
          'payments.claim.adjudicated': (e, m) => applyAdjudication(m, e.data),
        },
      },
    ];
  }
}
