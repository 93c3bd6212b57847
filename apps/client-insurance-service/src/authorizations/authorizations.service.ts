import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import { Principal } from '@claimline/contracts/common';
import {
  AuthorizationUseBatchCommand,
  AuthorizationUseBatchResult,
  AuthorizationUseCommand,
  AuthorizationUseManyCommand,
  AuthorizationUseManyResult,
  AuthorizationUseResult,
  AuthorizationView,
  ClientInsuranceEvents,
  ClientInsuranceEventTypes as Events,
  CreateAuthorizationCommand,
  MAX_AUTHORIZATION_USES,
  UpdateAuthorizationCommand,
} from '@claimline/contracts/client-insurance';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import {
  assertVersion,
  changedFields,
  findInPractice,
  rawSql,
  tableOf,
} from '@claimline/backend/util-persistence';
import { todayUtc } from '../common/today';
import { PoliciesService } from '../policies/policies.service';
import { consumeProblem, rangesOverlap } from './authorization-rules';
import { toAuthorizationView } from './authorization.mapper';
import { AuthorizationEntity } from './entities/authorization.entity';
import { AuthorizationUseEntity } from './entities/authorization-use.entity';

@Injectable()
export class AuthorizationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<ClientInsuranceEvents>,
    private readonly policies: PoliciesService,
  ) {}

  async create(actor: Principal, cmd: CreateAuthorizationCommand): Promise<AuthorizationView> {
    assertDates(cmd.validFrom, cmd.validTo);
    return this.db.transaction(async (m) => {
      // Locking the policy serialises authorization changes per policy, which makes the overlap check safe.
      const policy = await this.policies.find(m, actor, cmd.practiceId, cmd.policyId, true);
      const auth = m.create(AuthorizationEntity, {
        id: randomUUID(),
        practiceId: cmd.practiceId,
        clientId: policy.clientId,
        policyId: policy.id,
        number: cmd.number.trim().toUpperCase(),
        usesAuthorized: cmd.usesAuthorized,
        usesConsumed: 0,
        validFrom: cmd.validFrom,
        validTo: cmd.validTo,
        active: cmd.active ?? true,
      });
      await this.assertNoOverlap(m, auth);
      await m.save(auth);
      const view = toAuthorizationView(auth, todayUtc());
      await this.outbox.add(m, actor, {
        type: Events.authorizationCreated,
        aggregateId: view.id,
        practiceId: view.practiceId,
        data: { authorization: view, changed: Object.keys(cmd) },
      });
      return view;
    });
  }

  async get(actor: Principal, practiceId: string, authorizationId: string): Promise<AuthorizationView> {
    return toAuthorizationView(
      await this.find(this.db.manager, actor, practiceId, authorizationId),
      todayUtc(),
    );
  }

  async list(
    actor: Principal,
    practiceId: string,
    policyId: string,
  ): Promise<{ items: AuthorizationView[] }> {
    await this.policies.find(this.db.manager, actor, practiceId, policyId);
    const rows = await this.db.manager.find(AuthorizationEntity, {
      where: { practiceId, policyId },
      order: { validFrom: 'DESC', id: 'ASC' },
    });
    const today = todayUtc();
    return { items: rows.map((a) => toAuthorizationView(a, today)) };
  }

  async update(actor: Principal, cmd: UpdateAuthorizationCommand): Promise<AuthorizationView> {
    return this.db.transaction(async (m) => {
      const current = await this.find(m, actor, cmd.practiceId, cmd.authorizationId);
      await this.policies.find(m, actor, cmd.practiceId, current.policyId, true);
      const auth = await this.find(m, actor, cmd.practiceId, cmd.authorizationId, true);
      assertVersion('Authorization', auth.version, cmd.version);
      const { practiceId: _p, authorizationId: _a, version: _v, ...changes } = cmd;
      if (changes.number !== undefined) changes.number = changes.number.trim().toUpperCase();
      const today = todayUtc();
      const changed = changedFields(
        toAuthorizationView(auth, today) as unknown as Record<string, unknown>,
        changes as Record<string, unknown>,
      );
      if (changed.length === 0) return toAuthorizationView(auth, today);
      Object.assign(auth, changes);
      assertDates(auth.validFrom, auth.validTo);
      if (auth.usesAuthorized < auth.usesConsumed) {
        throw RpcError.field(
          'usesAuthorized',
          'at_least_consumed',
          `${auth.usesConsumed} visits were already billed against this authorization; usesAuthorized cannot be lower`,
        );
      }
      await this.assertNoOverlap(m, auth);
      await m.save(auth);
      const view = toAuthorizationView(auth, today);
      await this.outbox.add(m, actor, {
        type: Events.authorizationUpdated,
        aggregateId: view.id,
        practiceId: view.practiceId,
        data: { authorization: view, changed },
      });
      return view;
    });
  }

  /** One use per key: a repeated key counts nothing more; a released key cannot be consumed again. */
  async consume(actor: Principal, cmd: AuthorizationUseCommand): Promise<AuthorizationUseResult> {
    return this.db.transaction(async (m) => {
      const auth = await this.find(m, actor, cmd.practiceId, cmd.authorizationId, true);
      const today = todayUtc();
      const use = await m.findOneBy(AuthorizationUseEntity, { authorizationId: auth.id, key: cmd.key });
      if (use && use.releasedAt === null)
        return { authorization: toAuthorizationView(auth, today), applied: false };
      if (use) {
        throw RpcError.conflict(
          `The use for ${cmd.key} was released (claim voided); a new claim needs its own key`,
          { key: cmd.key },
        );
      }
      const problem = consumeProblem(auth);
      if (problem) throw RpcError.field('authorizationId', auth.active ? 'exhausted' : 'inactive', problem);
      await m.insert(AuthorizationUseEntity, {
        authorizationId: auth.id,
        key: cmd.key,
        practiceId: auth.practiceId,
      });
      auth.usesConsumed += 1;
      await m.save(auth);
      const view = toAuthorizationView(auth, today);
      await this.outbox.add(m, actor, {
        type: Events.authorizationConsumed,
        aggregateId: view.id,
        practiceId: view.practiceId,
        data: { authorization: view, key: cmd.key },
      });
      return { authorization: view, applied: true };
    });
  }

  /**
   * `consume` for many keys of one authorization in one transaction (a claims batch): the same
   * rules per key, in order, with one `authorization.consumed` event per visit used.
   */
  async consumeMany(actor: Principal, cmd: AuthorizationUseManyCommand): Promise<AuthorizationUseManyResult> {
    return this.db.transaction((m) =>
      this.consumeKeys(m, actor, cmd.practiceId, cmd.authorizationId, cmd.keys),
    );
  }

  /**
   * `consumeMany` for several authorizations in one transaction (claims' batches: one call instead
   * of one per authorization), in a fixed number of statements whatever their number: the
   * authorizations locked in one query (id order, so two batches cannot deadlock), the keys already
   * known in one, the new uses in one insert, the counts in one set-based update, one outbox write.
   * An authorization of another practice is 404 for the whole batch.
   */
  async consumeBatch(
    actor: Principal,
    cmd: AuthorizationUseBatchCommand,
  ): Promise<AuthorizationUseBatchResult> {
    const total = cmd.uses.reduce((n, u) => n + u.keys.length, 0);
    if (total > MAX_AUTHORIZATION_USES)
      throw RpcError.field(
        'uses',
        'max_keys',
        `uses may hold at most ${MAX_AUTHORIZATION_USES} keys in all (${total})`,
      );
    const ids = cmd.uses.map((u) => u.authorizationId);
    return this.db.transaction(async (m) => {
      const auths = await m
        .createQueryBuilder(AuthorizationEntity, 'a')
        .where('a.practiceId = :practiceId', { practiceId: cmd.practiceId })
        .andWhere('a.id IN (:...ids)', { ids })
        .orderBy('a.id')
        .setLock('pessimistic_write')
        .getMany();
      const byId = new Map(auths.map((a) => [a.id, a]));
      const missing = ids.find((id) => !byId.has(id));
      if (missing) throw RpcError.notFound('Authorization', missing);
      const known = new Map(
        (
          await m.findBy(AuthorizationUseEntity, {
            authorizationId: In(ids),
            key: In([...new Set(cmd.uses.flatMap((u) => u.keys))]),
          })
        ).map((u) => [`${u.authorizationId}|${u.key}`, u]),
      );
      const today = todayUtc();
      const fresh: { auth: AuthorizationEntity; key: string }[] = [];
      const answers = cmd.uses.map((use) => {
        const auth = byId.get(use.authorizationId) as AuthorizationEntity;
        const results = use.keys.map((key) => {
          const outcome = this.useOutcome(auth, known.get(`${auth.id}|${key}`), key);
          if (outcome.outcome === 'applied') fresh.push({ auth, key });
          return outcome;
        });
        return { auth, results };
      });
      const changed = [...new Set(fresh.map((f) => f.auth))];
      if (changed.length > 0) {
        await m.insert(
          AuthorizationUseEntity,
          fresh.map(({ auth, key }) => ({ authorizationId: auth.id, key, practiceId: auth.practiceId })),
        );
        // Set-based (ADR 0018): one statement for every authorization's new count.
        const rows = await rawSql<{ id: string; version: number; updated_at: Date }>(
          m,
          'set-based',
          `UPDATE ${tableOf(m, AuthorizationEntity)} a
              SET "uses_consumed" = v.n, "version" = a."version" + 1, "updated_at" = now()
             FROM unnest($1::uuid[], $2::int[]) AS v(id, n)
            WHERE a."id" = v.id
        RETURNING a."id", a."version", a."updated_at"`,
          [changed.map((a) => a.id), changed.map((a) => a.usesConsumed)],
        );
        for (const r of rows)
          Object.assign(byId.get(r.id) as AuthorizationEntity, {
            version: r.version,
            updatedAt: r.updated_at,
          });
        await this.outbox.add(
          m,
          actor,
          fresh.map(({ auth, key }) => ({
            type: Events.authorizationConsumed,
            aggregateId: auth.id,
            practiceId: auth.practiceId,
            data: { authorization: toAuthorizationView(auth, today), key },
          })),
        );
      }
      return {
        items: answers.map(({ auth, results }) => ({
          authorization: toAuthorizationView(auth, today),
          results,
        })),
      };
    });
  }

  /** One key of `consume-many`: already used, released (final), refused by the rules, or applied (counted on `auth`). */
  private useOutcome(
    auth: AuthorizationEntity,
    use: AuthorizationUseEntity | undefined,
    key: string,
  ): AuthorizationUseManyResult['results'][number] {
    if (use && use.releasedAt === null) return { key, outcome: 'already' };
    if (use)
      return {
        key,
        outcome: 'refused',
        reason: `The use for ${key} was released (claim voided); a new claim needs its own key`,
      };
    const problem = consumeProblem(auth);
    if (problem) return { key, outcome: 'refused', reason: problem };
    auth.usesConsumed += 1;
    return { key, outcome: 'applied' };
  }

  private async consumeKeys(
    m: EntityManager,
    actor: Principal,
    practiceId: string,
    authorizationId: string,
    keys: readonly string[],
  ): Promise<AuthorizationUseManyResult> {
    const auth = await this.find(m, actor, practiceId, authorizationId, true);
    const today = todayUtc();
    const known = new Map(
      (await m.findBy(AuthorizationUseEntity, { authorizationId: auth.id, key: In([...keys]) })).map((u) => [
        u.key,
        u,
      ]),
    );
    const results = keys.map((key) => this.useOutcome(auth, known.get(key), key));
    const fresh = results.filter((r) => r.outcome === 'applied').map((r) => r.key);
    if (fresh.length === 0) return { authorization: toAuthorizationView(auth, today), results };
    await m.insert(
      AuthorizationUseEntity,
      fresh.map((key) => ({ authorizationId: auth.id, key, practiceId: auth.practiceId })),
    );
    await m.save(auth);
    const view = toAuthorizationView(auth, today);
    await this.outbox.add(
      m,
      actor,
      fresh.map((key) => ({
        type: Events.authorizationConsumed,
        aggregateId: view.id,
        practiceId: view.practiceId,
        data: { authorization: view, key },
      })),
    );
    return { authorization: view, results };
  }

  /** Gives the use of `key` back; releasing an unknown or already released key changes nothing. */
  async release(actor: Principal, cmd: AuthorizationUseCommand): Promise<AuthorizationUseResult> {
    return this.db.transaction(async (m) => {
      const auth = await this.find(m, actor, cmd.practiceId, cmd.authorizationId, true);
      const today = todayUtc();
      // The authorization's row lock (find … lock) serialises releases of one key.
      const released = await m.update(
        AuthorizationUseEntity,
        { authorizationId: auth.id, key: cmd.key, releasedAt: IsNull() },
        { releasedAt: () => 'now()' },
      );
      if (!released.affected) return { authorization: toAuthorizationView(auth, today), applied: false };
      auth.usesConsumed -= 1;
      await m.save(auth);
      const view = toAuthorizationView(auth, today);
      await this.outbox.add(m, actor, {
        type: Events.authorizationReleased,
        aggregateId: view.id,
        practiceId: view.practiceId,
        data: { authorization: view, key: cmd.key },
      });
      return { authorization: view, applied: true };
    });
  }

  private async assertNoOverlap(m: EntityManager, auth: AuthorizationEntity): Promise<void> {
    if (!auth.active) return;
    const others = await m.find(AuthorizationEntity, {
      where: { policyId: auth.policyId, active: true, id: Not(auth.id) },
    });
    const clash = others.find((o) => rangesOverlap(o, auth));
    if (clash) {
      throw RpcError.field(
        'validFrom',
        'overlap',
        `Active authorization ${clash.number} already covers ${clash.validFrom} to ${clash.validTo}; a policy can have one active authorization per date. Deactivate it or change the dates`,
      );
    }
  }

  private find(
    m: EntityManager,
    actor: Principal,
    practiceId: string,
    authorizationId: string,
    lock = false,
  ): Promise<AuthorizationEntity> {
    return findInPractice(m, AuthorizationEntity, 'Authorization', practiceId, authorizationId, { lock });
  }
}

function assertDates(validFrom: string, validTo: string): void {
  if (validFrom > validTo)
    throw RpcError.field('validTo', 'after_start', `Valid to ${validTo} is before valid from ${validFrom}`);
}
