import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { Principal, FieldError, Page } from '@claimline/contracts/common';
import {
  ClientInsuranceEvents,
  ClientInsuranceEventTypes as Events,
  ClientMissingInfo,
  ClientView,
  CreateClientCommand,
  ListClientsQuery,
  MissingInfoManyResult,
  UpdateClientCommand,
} from '@claimline/contracts/client-insurance';
import { parsePhone } from '@claimline/domain';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import {
  addressToColumns,
  assertVersion,
  changedFields,
  escapeLike,
  findInPractice,
  rawSql,
  tableOf,
} from '@claimline/backend/util-persistence';
import { todayUtc } from '../common/today';
import { PolicyEntity } from '../policies/entities/policy.entity';
import { PolicyCardEntity } from '../policies/entities/policy-card.entity';
import { ClientEntity } from './entities/client.entity';
import { toClientEventView, toClientView } from './client.mapper';
import { ClientFacts, missingInfo, PolicyFacts } from './missing-info';

const DEFAULT_PAGE = 50;

@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<ClientInsuranceEvents>,
  ) {}

  async create(actor: Principal, cmd: CreateClientCommand): Promise<ClientView> {
    assertBirthDate(cmd.birthDate);
    return this.db.transaction(async (m) => {
      const client = m.create(ClientEntity, {
        id: randomUUID(),
        practiceId: cmd.practiceId,
        firstName: cmd.firstName.trim(),
        lastName: cmd.lastName.trim(),
        preferredName: cmd.preferredName?.trim() || null,
        birthDate: cmd.birthDate ?? null,
        sex: cmd.sex ?? null,
        genderIdentity: cmd.genderIdentity?.trim() || null,
        phone: normalisePhone(cmd.phone),
        email: cmd.email?.trim() || null,
        address: addressToColumns(cmd.address),
        billingType: cmd.billingType ?? null,
        active: true,
      });
      await m.save(client);
      const view = toClientView(client);
      await this.outbox.add(m, actor, {
        type: Events.clientCreated,
        aggregateId: view.id,
        practiceId: view.practiceId,
        data: { client: toClientEventView(view), changed: Object.keys(cmd) },
      });
      return view;
    });
  }

  async get(actor: Principal, practiceId: string, clientId: string): Promise<ClientView> {
    return toClientView(await this.find(this.db.manager, actor, practiceId, clientId));
  }

  /** Prefix of first or last name (two words: first + last either way round), birth date; served by the name indexes. */
  async list(actor: Principal, query: ListClientsQuery): Promise<Page<ClientView>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const offset = query.offset ?? 0;
    const qb = this.db
      .getRepository(ClientEntity)
      .createQueryBuilder('c')
      .where('c.practice_id = :practiceId', { practiceId: query.practiceId });
    const words = (query.search ?? '')
      .trim()
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => `${escapeLike(w)}%`);
    if (words.length === 1) {
      qb.andWhere(
        new Brackets((b) =>
          b.where('lower(c.last_name) LIKE :w0', { w0: words[0] }).orWhere('lower(c.first_name) LIKE :w0'),
        ),
      );
    } else if (words.length >= 2) {
      const [w0, w1] = [words[0], words.slice(1).join(' ')];
      qb.andWhere(
        new Brackets((b) =>
          b
            .where('(lower(c.first_name) LIKE :w0 AND lower(c.last_name) LIKE :w1)', { w0, w1 })
            .orWhere('(lower(c.last_name) LIKE :w0 AND lower(c.first_name) LIKE :w1)'),
        ),
      );
    }
    if (query.birthDate) qb.andWhere('c.birth_date = :birthDate', { birthDate: query.birthDate });
    if (query.active !== undefined) qb.andWhere('c.active = :active', { active: query.active });
    const [rows, total] = await qb
      .orderBy('lower(c.last_name)', 'ASC')
      .addOrderBy('lower(c.first_name)', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items: rows.map(toClientView), total, limit, offset };
  }

  async update(actor: Principal, cmd: UpdateClientCommand): Promise<ClientView> {
    assertBirthDate(cmd.birthDate);
    return this.db.transaction(async (m) => {
      const client = await this.find(m, actor, cmd.practiceId, cmd.clientId, true);
      assertVersion('Client', client.version, cmd.version);
      const { practiceId: _p, clientId: _c, version: _v, ...changes } = cmd;
      if (changes.phone) changes.phone = normalisePhone(changes.phone);
      const changed = changedFields(
        toClientView(client) as unknown as Record<string, unknown>,
        changes as Record<string, unknown>,
      );
      if (changed.length === 0) return toClientView(client);
      Object.assign(client, {
        ...(changes.firstName !== undefined && { firstName: changes.firstName.trim() }),
        ...(changes.lastName !== undefined && { lastName: changes.lastName.trim() }),
        ...(changes.preferredName !== undefined && { preferredName: changes.preferredName?.trim() || null }),
        ...(changes.birthDate !== undefined && { birthDate: changes.birthDate }),
        ...(changes.sex !== undefined && { sex: changes.sex }),
        ...(changes.genderIdentity !== undefined && {
          genderIdentity: changes.genderIdentity?.trim() || null,
        }),
        ...(changes.phone !== undefined && { phone: changes.phone }),
        ...(changes.email !== undefined && { email: changes.email?.trim() || null }),
        ...(changes.address !== undefined && { address: addressToColumns(changes.address) }),
        ...(changes.billingType !== undefined && { billingType: changes.billingType }),
        ...(changes.active !== undefined && { active: changes.active }),
      });
      await m.save(client);
      const view = toClientView(client);
      await this.outbox.add(m, actor, {
        type: Events.clientUpdated,
        aggregateId: view.id,
        practiceId: view.practiceId,
        data: { client: toClientEventView(view), changed },
      });
      return view;
    });
  }

  async missingInfoFor(actor: Principal, practiceId: string, clientId: string): Promise<ClientMissingInfo> {
    const { items, notFound } = await this.missingInfoMany(actor, practiceId, [clientId]);
    if (notFound.length > 0) throw RpcError.notFound('Client', clientId);
    return items[0];
  }

  /**
   * Two queries whatever the number of clients (up to 1,000): the clients, then all their policies
   * with whether a front card image is on file (a lateral join on the `policy_card` read model).
   */
  async missingInfoMany(
    actor: Principal,
    practiceId: string,
    clientIds: string[],
  ): Promise<MissingInfoManyResult> {
    // Hand-written (set-based): computed facts over an id array, and a lateral join per policy below.
    const clients = await rawSql<ClientFacts>(
      this.db,
      'set-based',
      `SELECT "id", "first_name" AS "firstName", "last_name" AS "lastName", "phone",
              ("address_line1" IS NOT NULL AND "address_city" IS NOT NULL AND "address_state" IS NOT NULL AND "address_zip" IS NOT NULL) AS "hasAddress",
              "birth_date"::text AS "birthDate", "sex", "billing_type" AS "billingType"
         FROM ${tableOf(this.db, ClientEntity)} WHERE "practice_id" = $1 AND "id" = ANY($2::uuid[])`,
      [practiceId, clientIds],
    );
    const policyRows = await rawSql<
      PolicyFacts['subscriber'] & Omit<PolicyFacts, 'subscriber'> & { clientId: string }
    >(
      this.db,
      'set-based',
      `SELECT "client_id" AS "clientId", "insurance_order" AS "order", "payer_id" AS "payerId",
              ("member_id_ciphertext" <> '') AS "hasMemberId", "relationship",
              "subscriber_first_name" AS "firstName", "subscriber_last_name" AS "lastName",
              "subscriber_birth_date"::text AS "birthDate", "subscriber_sex" AS "sex",
              ("subscriber_address_line1" IS NOT NULL AND "subscriber_address_city" IS NOT NULL
                AND "subscriber_address_state" IS NOT NULL AND "subscriber_address_zip" IS NOT NULL) AS "hasAddress",
              (card."policy_id" IS NOT NULL) AS "hasCardFront"
         FROM ${tableOf(this.db, PolicyEntity)} p
         -- one index probe per policy (policy_card_current_idx), whatever the size of the table
         LEFT JOIN LATERAL (
           SELECT pc."policy_id" FROM ${tableOf(this.db, PolicyCardEntity)} pc
            WHERE pc."policy_id" = p."id" AND pc."practice_id" = p."practice_id" AND pc."side" = 'front' AND pc."removed_at" IS NULL
            LIMIT 1) card ON true
        WHERE p."practice_id" = $1 AND p."client_id" = ANY($2::uuid[]) AND p."removed_at" IS NULL`,
      [practiceId, clientIds],
    );
    const policiesByClient = new Map<string, PolicyFacts[]>();
    for (const r of policyRows) {
      const list = policiesByClient.get(r.clientId) ?? [];
      list.push({
        order: r.order,
        payerId: r.payerId,
        hasMemberId: r.hasMemberId,
        relationship: r.relationship,
        hasCardFront: r.hasCardFront,
        subscriber: {
          firstName: r.firstName,
          lastName: r.lastName,
          birthDate: r.birthDate,
          sex: r.sex,
          hasAddress: r.hasAddress,
        },
      });
      policiesByClient.set(r.clientId, list);
    }
    const byId = new Map(clients.map((c) => [c.id, c]));
    const items: ClientMissingInfo[] = [];
    const notFound: string[] = [];
    for (const id of clientIds) {
      const client = byId.get(id);
      if (!client) {
        notFound.push(id);
        continue;
      }
      const missing = missingInfo({ client, policies: policiesByClient.get(id) ?? [] });
      items.push({ clientId: id, complete: missing.length === 0, missing });
    }
    return { items, notFound };
  }

  /** Another practice's client answers exactly like a missing one. */
  find(
    m: EntityManager,
    actor: Principal,
    practiceId: string,
    clientId: string,
    lock = false,
  ): Promise<ClientEntity> {
    return findInPractice(m, ClientEntity, 'Client', practiceId, clientId, { lock });
  }
}

function normalisePhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const parsed = parsePhone(phone);
  if (!parsed.ok) throw RpcError.field('phone', 'phone', parsed.problems[0].message);
  return parsed.value;
}

function assertBirthDate(birthDate: string | null | undefined): void {
  if (birthDate && birthDate > todayUtc()) {
    const error: FieldError = {
      field: 'birthDate',
      rule: 'not_future',
      message: `Birth date ${birthDate} is in the future`,
    };
    throw RpcError.validation([error]);
  }
}
