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

const COVERAGE = 'client-insurance.coverage.get-many';
const READINESS = 'practice-settings.readiness.get-many';

/**
 * The bulk reads behind the unbilled list's reasons: per page one call to client-insurance per
 * practice (coverage and missing info) and one to practice-settings, never one per appointment. Asked as this service with exactly the subject it calls and the
 * practices of the page (the user's scope was checked before).
 */
@Injectable()
export class BillingFactsClient {
  constructor(
    @Inject(CLIENT_INSURANCE_RPC) private readonly clients: RpcClient<ClientInsuranceRpc>,
    @Inject(PRACTICE_SETTINGS_RPC) private readonly settings: RpcClient<PracticeSettingsRpc>,
  ) {}

  /**
   * The primary coverage and the missing information of the clients of a page, in one call
   * (`coverage.get-many` with `missingInfo`): one round trip and one client-insurance handler per
   * page instead of two.
   */
  async clientFacts(
    practiceId: string,
    clientIds: string[],
  ): Promise<{ coverage: Map<string, ClientCoverage>; missing: Map<string, ClientMissingInfo> }> {
    const reply = await this.clients.send(
      COVERAGE,
      { practiceId, clientIds, missingInfo: true },
      { principal: servicePrincipal(SERVICE_NAME, [COVERAGE], [practiceId]), requestId: currentRequestId() },
    );
    return {
      coverage: new Map(reply.items.map((i) => [i.clientId, i])),
      missing: new Map((reply.missingInfo ?? []).map((i) => [i.clientId, i])),
    };
  }

  /** Primary coverage of every client insured with `payerId` (the payer filter). */
  async coverageByPayer(practiceId: string, payerId: string): Promise<Map<string, ClientCoverage>> {
    const reply = await this.clients.send(
      COVERAGE,
      { practiceId, payerId },
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
