import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, In, IsNull } from 'typeorm';
import type { Principal } from '@claimline/contracts/common';
import type { CoverageManyQuery, CoverageManyResult } from '@claimline/contracts/client-insurance';
import { RpcError } from '@claimline/backend/util-nats';
import { toClientView } from '../clients/client.mapper';
import { ClientsService } from '../clients/clients.service';
import { ClientEntity } from '../clients/entities/client.entity';
import { todayUtc } from '../common/today';
import { PoliciesService } from '../policies/policies.service';
import { PayerEntity } from '../payers/entities/payer.entity';
import { PolicyEntity } from '../policies/entities/policy.entity';
import { toAuthorizationView } from './authorization.mapper';
import { AuthorizationEntity } from './entities/authorization.entity';

/**
 * Primary coverage of many clients in three queries whatever their number (the unbilled list asks
 * once per page): the primary policies, their payers' names, their authorizations. Ids, payer and
 * authorizations only: the member ID is not decrypted, unless `detail` asks for the client and the
 * whole policy too (claims-service making a batch of claims: a few more queries, whatever the
 * number of clients, instead of three calls per client).
 */
@Injectable()
export class CoverageService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly policyViews: PoliciesService,
    private readonly clients: ClientsService,
  ) {}

  async many(caller: Principal, q: CoverageManyQuery): Promise<CoverageManyResult> {
    if (!q.missingInfo) return this.coverage(caller, q);
    if (!q.clientIds)
      throw RpcError.field('missingInfo', 'needs_client_ids', 'missingInfo is answered only for clientIds');
    const clientIds = q.clientIds;
    // Both reads at once: the unbilled list's page waits for the slower of the two, not their sum.
    const [coverage, missing] = await Promise.all([
      this.coverage(caller, q),
      this.clients.missingInfoMany(caller, q.practiceId, clientIds),
    ]);
    return { ...coverage, missingInfo: missing.items };
  }

  private async coverage(caller: Principal, q: CoverageManyQuery): Promise<CoverageManyResult> {
    const m = this.db.manager;
    const where: FindOptionsWhere<PolicyEntity> = {
      practiceId: q.practiceId,
      order: 'primary',
      removedAt: IsNull(),
    };
    if (q.clientIds) where.clientId = In(q.clientIds);
    if (q.payerId) where.payerId = q.payerId;
    const policies = await m.find(PolicyEntity, {
      where,
      ...(q.detail ? {} : { select: { id: true, clientId: true, payerId: true } }),
    });
    if (policies.length === 0) return { items: [] };
    const policyIds = policies.map((p) => p.id);
    const [payers, authorizations] = await Promise.all([
      m.find(PayerEntity, {
        where: { id: In([...new Set(policies.map((p) => p.payerId))]) },
        select: { id: true, name: true },
      }),
      m.find(AuthorizationEntity, {
        where: { practiceId: q.practiceId, policyId: In(policyIds) },
        order: { validFrom: 'DESC', id: 'ASC' },
      }),
    ]);
    const payerName = new Map(payers.map((p) => [p.id, p.name]));
    const today = todayUtc();
    const byPolicy = new Map<string, AuthorizationEntity[]>();
    for (const a of authorizations) byPolicy.set(a.policyId, [...(byPolicy.get(a.policyId) ?? []), a]);
    const detail = q.detail ? await this.detail(caller, q.practiceId, policies) : null;
    return {
      items: policies.map((p) => ({
        clientId: p.clientId,
        policyId: p.id,
        payer: { id: p.payerId, name: payerName.get(p.payerId) ?? '' },
        authorizations: (byPolicy.get(p.id) ?? []).map((a) => toAuthorizationView(a, today)),
        ...(detail ? { client: detail.clients.get(p.clientId), policy: detail.policies.get(p.id) } : {}),
      })),
    };
  }

  /** The clients and the whole policy views (as `policy.get` gives them to a service), in bulk. */
  private async detail(caller: Principal, practiceId: string, policies: PolicyEntity[]) {
    const [clients, views] = await Promise.all([
      this.db.manager.find(ClientEntity, {
        where: { practiceId, id: In(policies.map((p) => p.clientId)) },
      }),
      this.policyViews.views(caller, [...policies], practiceId),
    ]);
    return {
      clients: new Map(clients.map((c) => [c.id, toClientView(c)])),
      policies: new Map(views.map((v) => [v.id, v])),
    };
  }
}
