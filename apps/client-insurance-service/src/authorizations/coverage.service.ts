import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, In, IsNull } from 'typeorm';
import type { CoverageManyQuery, CoverageManyResult } from '@claimline/contracts/client-insurance';
import { todayUtc } from '../common/today';
import { PayerEntity } from '../payers/entities/payer.entity';
import { PolicyEntity } from '../policies/entities/policy.entity';
import { toAuthorizationView } from './authorization.mapper';
import { AuthorizationEntity } from './entities/authorization.entity';

/**
 * Primary coverage of many clients in three queries whatever their number (the unbilled list asks
 * once per page): the primary policies, their payers' names, their authorizations. Ids, payer and
 * authorizations only: the member ID is not decrypted, as no caller of this needs it.
 */
@Injectable()
export class CoverageService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async many(q: CoverageManyQuery): Promise<CoverageManyResult> {
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
      select: { id: true, clientId: true, payerId: true },
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
    return {
      items: policies.map((p) => ({
        clientId: p.clientId,
        policyId: p.id,
        payer: { id: p.payerId, name: payerName.get(p.payerId) ?? '' },
        authorizations: authorizations
          .filter((a) => a.policyId === p.id)
          .map((a) => toAuthorizationView(a, today)),
      })),
    };
  }
}
