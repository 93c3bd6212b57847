import { Injectable } from '@nestjs/common';
import { CLAIMS_SERVICE, type ClaimsEvents } from '@claimline/contracts/claims';
import { ConsumedStream, EventConsumerHost } from '@claimline/backend/util-nats';
import { applyClaimRef, applyClaimStatus } from './claim-refs';
import { ClaimsClient } from './claims.client';

export const CLAIMS_DURABLE = 'payments-claims';

/**
 * Keeps the read model of claims an ERA may pay from claims-service's stream. The events carry
 * ids and amounts only, so a new claim's lines and control numbers are asked of claims-service
 * (one call per claim, as this service); a status change only moves the status.
 */
@Injectable()
export class ClaimRefsConsumer extends EventConsumerHost<ClaimsEvents> {
  constructor(private readonly claims: ClaimsClient) {
    super();
  }

  protected streams(): ConsumedStream<ClaimsEvents>[] {
    return [
      {
        durable: CLAIMS_DURABLE,
        service: CLAIMS_SERVICE,
        handlers: {
          'claims.claim.created': async (e, m) =>
            applyClaimRef(m, await this.claims.remittanceRef(e.data.practiceId, e.data.id)),
          'claims.claim.status-changed': async (e, m) => {
            if (!(await applyClaimStatus(m, e.data)))
              await applyClaimRef(m, await this.claims.remittanceRef(e.data.practiceId, e.data.id));
          },
        },
      },
    ];
  }
}
