import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Page, Principal, principalId } from '@claimline/contracts/common';
import {
  ClientInsuranceEvents,
  ClientInsuranceEventTypes as Events,
  CreatePayerCommand,
  PayerView,
  SearchPayersQuery,
  UpdatePayerCommand,
} from '@claimline/contracts/client-insurance';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import { assertVersion, changedFields, escapeLike } from '@claimline/backend/util-persistence';
import { PayerEntity } from './entities/payer.entity';
import { toPayerView } from './payer.mapper';

const DEFAULT_PAGE = 20;

@Injectable()
export class PayersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<ClientInsuranceEvents>,
  ) {}

  /**
   * Every word must start a word of the name or an alias, or equal a payer ID (any clearinghouse).
   * With a state: payers local to it first, then national ones; other states' local payers are left out.
   */
  async search(query: SearchPayersQuery): Promise<Page<PayerView>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const offset = query.offset ?? 0;
    const qb = this.db.getRepository(PayerEntity).createQueryBuilder('p');
    const words = (query.search ?? '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    words.forEach((word, i) => {
      const w = escapeLike(word);
      qb.andWhere(
        new Brackets((b) =>
          b
            .where(`lower(p.name) LIKE :start${i}`, { [`start${i}`]: `${w}%` })
            .orWhere(`lower(p.name) ~ :word${i}`, { [`word${i}`]: `[^a-z0-9]${word}` })
            .orWhere(
              `EXISTS (SELECT 1 FROM unnest(p.aliases) a WHERE lower(a) LIKE :start${i} OR lower(a) ~ :word${i})`,
            )
            .orWhere(`EXISTS (SELECT 1 FROM jsonb_each_text(p.payer_ids) e WHERE lower(e.value) = :id${i})`, {
              [`id${i}`]: word,
            }),
        ),
      );
    });
    if (query.state) {
      qb.andWhere(`(:state = ANY(p.states) OR cardinality(p.states) = 0)`, { state: query.state });
      qb.orderBy(`CASE WHEN :state = ANY(p.states) THEN 0 ELSE 1 END`, 'ASC');
    }
    const [rows, total] = await qb
      .addOrderBy('lower(p.name)', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items: rows.map(toPayerView), total, limit, offset };
  }

  async get(payerId: string): Promise<PayerView> {
    return toPayerView(await this.find(this.db.manager, payerId));
  }

  async create(actor: Principal, cmd: CreatePayerCommand): Promise<PayerView> {
    return this.db.transaction(async (m) => {
      const payer = m.create(PayerEntity, {
        id: randomUUID(),
        key: null,
        name: cmd.name.trim(),
        aliases: (cmd.aliases ?? []).map((a) => a.trim()).filter(Boolean),
        payerIds: normalisePayerIds(cmd.payerIds),
        kind: cmd.kind,
        states: [...new Set(cmd.states ?? [])],
        region: cmd.region?.trim() || null,
        isBcbs: cmd.isBcbs,
        claimFilingEnrollmentRequired: cmd.claimFilingEnrollmentRequired,
        eraSupported: cmd.eraSupported,
        eraEnrollmentRequired: cmd.eraSupported && cmd.eraEnrollmentRequired,
        verified: cmd.verified ?? false,
        source: `Added by ${principalId(actor)}`,
      });
      await m.save(payer);
      const view = toPayerView(payer);
      await this.outbox.add(m, actor, {
        type: Events.payerCreated,
        aggregateId: view.id,
        practiceId: null,
        data: { payer: view, changed: Object.keys(cmd) },
      });
      return view;
    });
  }

  async update(actor: Principal, cmd: UpdatePayerCommand): Promise<PayerView> {
    return this.db.transaction(async (m) => {
      const payer = await this.find(m, cmd.payerId, true);
      assertVersion('Payer', payer.version, cmd.version);
      const { payerId: _id, version: _v, ...changes } = cmd;
      if (changes.payerIds) changes.payerIds = normalisePayerIds(changes.payerIds);
      const changed = changedFields(
        toPayerView(payer) as unknown as Record<string, unknown>,
        changes as Record<string, unknown>,
      );
      if (changed.length === 0) return toPayerView(payer);
      Object.assign(payer, {
        ...(changes.name !== undefined && { name: changes.name.trim() }),
        ...(changes.aliases !== undefined && {
          aliases: changes.aliases.map((a) => a.trim()).filter(Boolean),
        }),
        ...(changes.payerIds !== undefined && { payerIds: changes.payerIds }),
        ...(changes.kind !== undefined && { kind: changes.kind }),
        ...(changes.states !== undefined && { states: [...new Set(changes.states)] }),
        ...(changes.region !== undefined && { region: changes.region?.trim() || null }),
        ...(changes.isBcbs !== undefined && { isBcbs: changes.isBcbs }),
        ...(changes.claimFilingEnrollmentRequired !== undefined && {
          claimFilingEnrollmentRequired: changes.claimFilingEnrollmentRequired,
        }),
        ...(changes.eraSupported !== undefined && { eraSupported: changes.eraSupported }),
        ...(changes.eraEnrollmentRequired !== undefined && {
          eraEnrollmentRequired: changes.eraEnrollmentRequired,
        }),
        ...(changes.verified !== undefined && { verified: changes.verified }),
      });
      if (!payer.eraSupported) payer.eraEnrollmentRequired = false;
      await m.save(payer);
      const view = toPayerView(payer);
      await this.outbox.add(m, actor, {
        type: Events.payerUpdated,
        aggregateId: view.id,
        practiceId: null,
        data: { payer: view, changed },
      });
      return view;
    });
  }

  async find(m: EntityManager, payerId: string, lock = false): Promise<PayerEntity> {
    const payer = await m.findOne(PayerEntity, {
      where: { id: payerId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!payer) throw RpcError.notFound('Payer', payerId);
    return payer;
  }
}

function normalisePayerIds(ids: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.trim().toUpperCase()]));
}
