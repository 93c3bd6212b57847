import { Inject, Injectable } from '@nestjs/common';
import { servicePrincipal } from '@claimline/contracts/common';
import type { ClaimsRpc } from '@claimline/contracts/claims';
import type { ClaimRemittanceRefView } from '@claimline/contracts/claims/plain';
import { RpcClient } from '@claimline/backend/util-nats';
import { SERVICE_NAME } from '../config/env';

export const CLAIMS_RPC = Symbol('CLAIMS_RPC');
const REMITTANCE_REF = 'claims.claim.remittance-ref';

/** Asks claims-service, as this service (one practice), for what an ERA is matched against. */
@Injectable()
export class ClaimsClient {
  constructor(@Inject(CLAIMS_RPC) private readonly claims: RpcClient<ClaimsRpc>) {}

  remittanceRef(practiceId: string, claimId: string): Promise<ClaimRemittanceRefView> {
    return this.claims.send(
      REMITTANCE_REF,
      { practiceId, claimId },
      { principal: servicePrincipal(SERVICE_NAME, [REMITTANCE_REF], [practiceId]) },
    );
  }
}
