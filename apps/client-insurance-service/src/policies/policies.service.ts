import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Principal, FieldError } from '@claimline/contracts/common';
import {
  ClientInsuranceEvents,
  ClientInsuranceEventTypes as Events,
  CreatePolicyCommand,
  PolicyView,
  SubscriberDto,
  UpdatePolicyCommand,
} from '@claimline/contracts/client-insurance';
import { parseMemberId } from '@claimline/domain';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import {
  assertVersion,
  changedFields,
  findInPractice,
  isUniqueViolation,
} from '@claimline/backend/util-persistence';
import { ClientsService } from '../clients/clients.service';
import { todayUtc } from '../common/today';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { policyWarnings, type PolicyFacts } from './policy-warnings';
import { PayerEntity } from '../payers/entities/payer.entity';
import { PracticeReadModel } from '../practices/practice-read-model';
import { PolicyEntity } from './entities/policy.entity';
import { cardsOf } from './policy-cards';
import { toPolicyEventView, toPolicyView, toSubscriberColumns, toSubscriberView } from './policy.mapper';
import { syncPracticePayers } from './practice-payers';
import { coverageProblems, relationshipProblems, subscriberDateProblems } from './relationship';

const MEMBER_ID = 'member-id';

@Injectable()
export class PoliciesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<ClientInsuranceEvents>,
    private readonly cipher: PhiCipher,
    private readonly clients: ClientsService,
    private readonly practices: PracticeReadModel,
  ) {}

  async create(actor: Principal, cmd: CreatePolicyCommand): Promise<PolicyView> {
    assertValid([
      ...relationshipProblems(cmd.relationship, cmd.subscriber),
      ...coverageProblems(cmd.coverageStart, cmd.coverageEnd),
      ...subscriberDateProblems(cmd.subscriber, todayUtc()),
    ]);
    const memberId = normaliseMemberId(cmd.memberId);
    try {
      return await this.db.transaction(async (m) => {
        await this.clients.find(m, actor, cmd.practiceId, cmd.clientId);
        const payer = await findPayerForPolicy(m, cmd.payerId);
        const id = randomUUID();
        const policy = m.create(PolicyEntity, {
          id,
          practiceId: cmd.practiceId,
          clientId: cmd.clientId,
          order: cmd.order,
          payerId: payer.id,
          memberIdCiphertext: this.cipher.encrypt(memberId, id),
          memberIdHmac: this.cipher.blindIndex(MEMBER_ID, memberId),
          groupNumber: cmd.groupNumber?.trim() || null,
          planName: cmd.planName?.trim() || null,
          coverageStart: cmd.coverageStart ?? null,
          coverageEnd: cmd.coverageEnd ?? null,
          relationship: cmd.relationship,
          subscriber: toSubscriberColumns(cmd.subscriber),
          removedAt: null,
        });
        await m.save(policy);
        const view = await this.view(m, actor, policy, payer, memberId);
        await this.outbox.add(m, actor, {
          type: Events.policyCreated,
          aggregateId: view.id,
          practiceId: view.practiceId,
          data: { policy: toPolicyEventView(view), changed: Object.keys(cmd) },
        });
        await syncPracticePayers(m, this.outbox, actor, cmd.practiceId);
        return view;
      });
    } catch (error) {
      throw duplicateOrder(error, cmd.order) ?? error;
    }
  }

  async get(actor: Principal, practiceId: string, policyId: string): Promise<PolicyView> {
    const policy = await this.find(this.db.manager, actor, practiceId, policyId);
    return this.view(this.db.manager, actor, policy);
  }

  async list(actor: Principal, practiceId: string, clientId: string): Promise<{ items: PolicyView[] }> {
    await this.clients.find(this.db.manager, actor, practiceId, clientId);
    const rows = await this.db.manager.find(PolicyEntity, {
      where: { practiceId, clientId, removedAt: IsNull() },
    });
    return { items: await this.views(actor, rows, practiceId) };
  }

  /** Exact match on the normalised member ID, through its blind index (the column itself is encrypted). */
  async findByMemberId(
    actor: Principal,
    practiceId: string,
    memberId: string,
  ): Promise<{ items: PolicyView[] }> {
    const hmac = this.cipher.blindIndex(MEMBER_ID, normaliseMemberId(memberId));
    const rows = await this.db.manager.find(PolicyEntity, {
      where: { practiceId, memberIdHmac: hmac, removedAt: IsNull() },
    });
    return { items: await this.views(actor, rows, practiceId) };
  }

  async update(actor: Principal, cmd: UpdatePolicyCommand): Promise<PolicyView> {
    try {
      return await this.db.transaction(async (m) => {
        const policy = await this.find(m, actor, cmd.practiceId, cmd.policyId, true);
        assertVersion('Insurance policy', policy.version, cmd.version);
        const { practiceId: _p, policyId: _id, version: _v, ...changes } = cmd;
        const relationship = changes.relationship ?? policy.relationship;
        // Changing to self drops the stored subscriber unless the caller sends one (which is refused).
        const subscriber: SubscriberDto | null =
          changes.subscriber !== undefined
            ? changes.subscriber
            : relationship === 'self'
              ? null
              : (toSubscriberView(policy.subscriber) as SubscriberDto | null);
        const coverageStart =
          changes.coverageStart !== undefined ? changes.coverageStart : policy.coverageStart;
        const coverageEnd = changes.coverageEnd !== undefined ? changes.coverageEnd : policy.coverageEnd;
        assertValid([
          ...relationshipProblems(relationship, subscriber),
          ...coverageProblems(coverageStart, coverageEnd),
          ...subscriberDateProblems(changes.subscriber, todayUtc()),
        ]);
        const currentMemberId = this.cipher.decrypt(policy.memberIdCiphertext, policy.id);
        const memberId =
          changes.memberId !== undefined ? normaliseMemberId(changes.memberId) : currentMemberId;
        const payer =
          changes.payerId !== undefined
            ? await findPayerForPolicy(m, changes.payerId)
            : await m.findOneByOrFail(PayerEntity, { id: policy.payerId });
        const next = {
          order: changes.order ?? policy.order,
          payerId: payer.id,
          memberId,
          groupNumber:
            changes.groupNumber !== undefined ? changes.groupNumber?.trim() || null : policy.groupNumber,
          planName: changes.planName !== undefined ? changes.planName?.trim() || null : policy.planName,
          coverageStart,
          coverageEnd,
          relationship,
          subscriber: toSubscriberView(toSubscriberColumns(subscriber)),
        };
        const current = {
          ...policy,
          payerId: policy.payerId,
          memberId: currentMemberId,
          subscriber: toSubscriberView(policy.subscriber),
        };
        const changed = changedFields(current as unknown as Record<string, unknown>, next);
        if (changed.length === 0) return this.view(m, actor, policy, payer, currentMemberId);
        const payerChanged = payer.id !== policy.payerId;
        Object.assign(policy, {
          ...(changes.order !== undefined && { order: changes.order }),
          payerId: payer.id,
          memberIdCiphertext: this.cipher.encrypt(memberId, policy.id),
          memberIdHmac: this.cipher.blindIndex(MEMBER_ID, memberId),
          ...(changes.groupNumber !== undefined && { groupNumber: changes.groupNumber?.trim() || null }),
          ...(changes.planName !== undefined && { planName: changes.planName?.trim() || null }),
          coverageStart,
          coverageEnd,
          relationship,
          subscriber: toSubscriberColumns(subscriber),
        });
        await m.save(policy);
        const view = await this.view(m, actor, policy, payer, memberId);
        await this.outbox.add(m, actor, {
          type: Events.policyUpdated,
          aggregateId: view.id,
          practiceId: view.practiceId,
          data: { policy: toPolicyEventView(view), changed },
        });
        if (payerChanged) await syncPracticePayers(m, this.outbox, actor, policy.practiceId);
        return view;
      });
    } catch (error) {
      throw duplicateOrder(error, cmd.order) ?? error;
    }
  }

  async remove(actor: Principal, practiceId: string, policyId: string): Promise<{ removed: true }> {
    return this.db.transaction(async (m) => {
      const policy = await this.find(m, actor, practiceId, policyId, true);
      policy.removedAt = new Date();
      await m.save(policy);
      await this.outbox.add(m, actor, {
        type: Events.policyRemoved,
        aggregateId: policyId,
        practiceId,
        data: {
          practiceId,
          clientId: policy.clientId,
          policyId,
          payerId: policy.payerId,
          order: policy.order,
        },
      });
      await syncPracticePayers(m, this.outbox, actor, practiceId);
      return { removed: true as const };
    });
  }

  /** Another practice's policy (or a removed one) answers exactly like a missing one. */
  find(
    m: EntityManager,
    actor: Principal,
    practiceId: string,
    policyId: string,
    lock = false,
  ): Promise<PolicyEntity> {
    return findInPractice(m, PolicyEntity, 'Insurance policy', practiceId, policyId, {
      lock,
      removable: true,
    });
  }

  private async view(
    m: EntityManager,
    actor: Principal,
    policy: PolicyEntity,
    payer?: PayerEntity,
    memberId?: string,
  ): Promise<PolicyView> {
    const p = payer ?? (await m.findOneByOrFail(PayerEntity, { id: policy.payerId }));
    const siblings = await m.find(PolicyEntity, {
      where: { practiceId: policy.practiceId, clientId: policy.clientId, removedAt: IsNull() },
    });
    const plain = memberId ?? this.cipher.decrypt(policy.memberIdCiphertext, policy.id);
    const w = policyWarnings(
      facts(policy, plain),
      p,
      await this.practices.stateOf(policy.practiceId, m),
      siblings.map((r) => facts(r, '')),
    );
    const cards = (await cardsOf(m, policy.practiceId, [policy.id])).get(policy.id) ?? {};
    return toPolicyView(policy, p, plain, w, cards, actor);
  }

  /** The views of many policies of one practice in a fixed number of queries (also for coverage's `detail`). */
  async views(actor: Principal, rows: PolicyEntity[], practiceId: string): Promise<PolicyView[]> {
    if (rows.length === 0) return [];
    const payers = new Map(
      (
        await this.db.manager.find(PayerEntity, {
          where: { id: In([...new Set(rows.map((r) => r.payerId))]) },
        })
      ).map((p) => [p.id, p]),
    );
    const state = await this.practices.stateOf(practiceId);
    const cards = await cardsOf(
      this.db.manager,
      practiceId,
      rows.map((r) => r.id),
    );
    // The client's other current policies (for `same_payer`): those of the clients these rows are of.
    const clientIds = [...new Set(rows.map((r) => r.clientId))];
    const siblings = await this.db.manager.find(PolicyEntity, {
      where: { practiceId, clientId: In(clientIds), removedAt: IsNull() },
    });
    const order = { primary: 0, secondary: 1, tertiary: 2 };
    return rows
      .sort((a, b) => order[a.order] - order[b.order])
      .map((r) => {
        const payer = payers.get(r.payerId) as PayerEntity; // payer_id is a foreign key
        const memberId = this.cipher.decrypt(r.memberIdCiphertext, r.id);
        const others = siblings.filter((x) => x.clientId === r.clientId).map((x) => facts(x, ''));
        return toPolicyView(
          r,
          payer,
          memberId,
          policyWarnings(facts(r, memberId), payer, state, others),
          cards.get(r.id) ?? {},
          actor,
        );
      });
  }
}

/** What `policyWarnings` reads of a policy (the member ID only of the policy warned about). */
function facts(p: PolicyEntity, memberId: string): PolicyFacts {
  return { id: p.id, order: p.order, payerId: p.payerId, memberId };
}

function assertValid(errors: FieldError[]): void {
  if (errors.length > 0) throw RpcError.validation(errors);
}

function normaliseMemberId(input: string): string {
  const result = parseMemberId(input);
  if (!result.ok) throw RpcError.field('memberId', 'member_id', result.problems[0].message);
  return result.value;
}

async function findPayerForPolicy(m: EntityManager, payerId: string): Promise<PayerEntity> {
  const payer = await m.findOneBy(PayerEntity, { id: payerId });
  if (!payer)
    throw RpcError.field(
      'payerId',
      'exists',
      'Choose the insurance company from the payer directory; this payer does not exist',
    );
  return payer;
}

function duplicateOrder(error: unknown, order: string | undefined): RpcError | null {
  return isUniqueViolation(error, 'policy_client_order_uq')
    ? RpcError.field(
        'order',
        'unique',
        `This client already has a ${order ?? 'policy of this order'} insurance policy; edit or remove that one first`,
      )
    : null;
}
