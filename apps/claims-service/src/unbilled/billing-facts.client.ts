import { Inject, Injectable } from '@nestjs/common';
import { servicePrincipal } from '@claimline/contracts/common';
import type {
  ClientCoverage,
  ClientInsuranceRpc,
  ClientMissingInfo,
} from '@claimline/contracts/client-insurance';
import type { PracticeSettingsRpc, ReadinessItem } from '@claimline/contracts/practice-settings';
import { RpcClient } from '@claimline/backend/util-nats';
import { currentRequestId } from '@claimline/backend/util-service';
import { SERVICE_NAME } from '../config/env';
import { CLIENT_INSURANCE_RPC, PRACTICE_SETTINGS_RPC } from '../practice-directory/practice-directory.client';

const MISSING_INFO = 'client-insurance.missing-info.get-many';
const COVERAGE = 'client-insurance.coverage.get-many';
const READINESS = 'practice-settings.readiness.get-many';

/**
 * The bulk reads behind the unbilled list's reasons: one call per kind and practice for a page,
 * never one per appointment. Asked as this service with exactly the subject it calls and the
 * practices of the page (the user's scope was checked before).
 */
@Injectable()
export class BillingFactsClient {
  constructor(
    @Inject(CLIENT_INSURANCE_RPC) private readonly clients: RpcClient<ClientInsuranceRpc>,
    @Inject(PRACTICE_SETTINGS_RPC) private readonly settings: RpcClient<PracticeSettingsRpc>,
  ) {}

  async missingInfo(practiceId: string, clientIds: string[]): Promise<Map<string, ClientMissingInfo>> {
    const reply = await this.clients.send(
      MISSING_INFO,
      { practiceId, clientIds },
      {
        principal: servicePrincipal(SERVICE_NAME, [MISSING_INFO], [practiceId]),
        requestId: currentRequestId(),
      },
    );
    return new Map(reply.items.map((i) => [i.clientId, i]));
  }

  /** Primary coverage of the clients named, or (with `payerId`) of every client insured with that payer. */
  async coverage(
    practiceId: string,
    by: { clientIds: string[] } | { payerId: string },
  ): Promise<Map<string, ClientCoverage>> {
    const reply = await this.clients.send(
      COVERAGE,
      { practiceId, ...by },
      { principal: servicePrincipal(SERVICE_NAME, [COVERAGE], [practiceId]), requestId: currentRequestId() },
    );
    return new Map(reply.items.map((i) => [i.clientId, i]));
  }

  async practiceItems(practiceIds: string[]): Promise<Map<string, ReadinessItem[]>> {
    const reply = await this.settings.send(
      READINESS,
      { practiceIds },
      { principal: servicePrincipal(SERVICE_NAME, [READINESS], practiceIds), requestId: currentRequestId() },
    );
    return new Map(reply.items.map((i) => [i.practiceId, i.items]));
  }
}
