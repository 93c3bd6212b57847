import { Injectable } from '@nestjs/common';
import { CLAIMS_SERVICE, type ClaimsEvents } from '@claimline/contracts/claims';
import { EntityManager } from 'typeorm';
import { ConsumedStream, EventConsumerHost, RpcError } from '@claimline/backend/util-nats';
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
          'claims.claim.created': (e, m) => this.fetch(m, e.data.practiceId, e.data.id),
          'claims.claim.status-changed': async (e, m) => {
            if (!(await applyClaimStatus(m, e.data))) await this.fetch(m, e.data.practiceId, e.data.id);
          },
        },
      },
    ];
  }

  /** The claim as claims-service has it now; one it no longer has is skipped (a retry would not find it either). */
  private async fetch(m: EntityManager, practiceId: string, claimId: string): Promise<void> {
    try {
      await applyClaimRef(m, await this.claims.remittanceRef(practiceId, claimId));
    } catch (error) {
      if (error instanceof RpcError && error.code === 'not_found') {
        this.logger.warn(`Claim ${claimId} is not in claims-service: not added to the read model`);
        return;
      }
      throw error;
    }
  }
}
