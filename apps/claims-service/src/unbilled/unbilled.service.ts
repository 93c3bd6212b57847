import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Principal } from '@claimline/contracts/common';
import {
  DEFAULT_UNBILLED_PAGE,
  ListUnbilledQuery,
  UnbilledAppointmentView,
  UnbilledPage,
} from '@claimline/contracts/claims';
import { PracticeScope } from '@claimline/backend/util-auth';
import { AppointmentEntity } from '../appointments/entities/appointment.entity';
import { AppointmentLineEntity } from '../appointments/entities/appointment-line.entity';
import { BillingFactsClient } from './billing-facts.client';
import { compareKeys, decodeCursor, encodeCursor, type UnbilledKey } from './unbilled-cursor';
import { unbilledReasons } from './unbilled-reasons';
import type { ReadinessItem } from '@claimline/contracts/practice-settings';

/**
 * With a `readiness` filter, the most appointments one page looks at before it answers (with
 * fewer than `limit` items and a cursor to go on): the reasons live in other services, so the
 * filter is applied after they are computed, batch by batch, and this bounds the cost of a page.
 */
export const UNBILLED_SCAN_LIMIT = 1000;
/** Appointments whose reasons are computed together when a `readiness` filter is set. */
const FILTER_BATCH = 200;

interface Scope {
  practiceIds: string[];
  /** Per practice, the clients insured with the `payerId` filter's payer (absent: no payer filter). */
  payerClients?: Map<string, readonly string[]>;
}

/**
 * The unbilled list: attended insurance appointments without a claim (the rows of the partial
 * index `appointment_unbilled_idx`), newest date of service first, by keyset (`cursor`), each with
 * the reasons that keep it from a claim, computed in bulk for the rows of a page.
 */
@Injectable()
export class UnbilledService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly facts: BillingFactsClient,
    private readonly scope: PracticeScope,
  ) {}

  async list(caller: Principal, q: ListUnbilledQuery): Promise<UnbilledPage> {
    // Each practice against the caller's scope, as `@Authorize({ practice })` does for one.
    for (const [i, practiceId] of q.practiceIds.entries())
      await this.scope.check(caller, practiceId, `practiceIds.${i}`);
    const limit = q.limit ?? DEFAULT_UNBILLED_PAGE;
    let after = decodeCursor(q.cursor);
    const scope = await this.scopeOf(q);
    const readiness = new Map<string, ReadinessItem[]>();

    if (!q.readiness) {
      const rows = await this.rows(scope, q, after, limit + 1);
      const page = rows.slice(0, limit);
      return {
        items: await this.describe(page, readiness),
        limit,
        nextCursor: rows.length > limit ? encodeCursor(keyOf(page[page.length - 1])) : null,
        scanned: page.length,
      };
    }

    const want = q.readiness === 'ready';
    const items: UnbilledAppointmentView[] = [];
    let scanned = 0;
    for (;;) {
      const rows = await this.rows(scope, q, after, FILTER_BATCH + 1);
      const batch = rows.slice(0, FILTER_BATCH);
      const more = rows.length > FILTER_BATCH;
      const views = await this.describe(batch, readiness);
      for (const [i, view] of views.entries()) {
        scanned++;
        if (view.ready === want) items.push(view);
        if (items.length === limit) {
          const rest = more || i < views.length - 1;
          return { items, limit, nextCursor: rest ? encodeCursor(keyOf(batch[i])) : null, scanned };
        }
      }
      if (!more) return { items, limit, nextCursor: null, scanned };
      after = keyOf(batch[batch.length - 1]);
      if (scanned >= UNBILLED_SCAN_LIMIT) return { items, limit, nextCursor: encodeCursor(after), scanned };
    }
  }

  /** The payer filter, resolved once per call into each practice's clients insured with that payer. */
  private async scopeOf(q: ListUnbilledQuery): Promise<Scope> {
    if (!q.payerId) return { practiceIds: q.practiceIds };
    const payerId = q.payerId;
    const byPractice = await Promise.all(
      q.practiceIds.map(
        async (p) => [p, [...(await this.facts.coverageByPayer(p, payerId)).keys()]] as const,
      ),
    );
    return { practiceIds: q.practiceIds, payerClients: new Map(byPractice) };
  }

  /**
   * Up to `take` unbilled rows after `after`, in list order. One index range scan per practice
   * (each limited to `take`), merged: a single query over many practices would have to sort them all.
   */
  private async rows(
    scope: Scope,
    q: ListUnbilledQuery,
    after: UnbilledKey | null,
    take: number,
  ): Promise<AppointmentEntity[]> {
    const perPractice = await Promise.all(
      scope.practiceIds.map((practiceId) => {
        const clients = scope.payerClients?.get(practiceId);
        if (clients && clients.length === 0) return Promise.resolve([]);
        // The three literal conditions are those of the partial index, so the planner can use it.
        const qb = this.db.manager
          .createQueryBuilder(AppointmentEntity, 'a')
          .where('a.practiceId = :practiceId', { practiceId })
          .andWhere('a.claimId IS NULL')
          .andWhere(`a.attendance = 'attended'`)
          .andWhere(`a.billingType = 'insurance'`);
        if (q.clinicianId)
          qb.andWhere('a.renderingTeamMemberId = :clinicianId', { clinicianId: q.clinicianId });
        if (clients) qb.andWhere('a.clientId = ANY(CAST(:clients AS uuid[]))', { clients });
        if (q.from) qb.andWhere('a.serviceDate >= :from', { from: q.from });
        if (q.to) qb.andWhere('a.serviceDate <= :to', { to: q.to });
        // The first condition starts the index range at the cursor's date (the OR alone would be a
        // filter over every row before it: 100 ms at row 90,000 instead of 0.4 ms); the second
        // drops that date's rows already listed.
        if (after)
          qb.andWhere('a.serviceDate <= :afterDate', { afterDate: after.serviceDate }).andWhere(
            '(a.serviceDate < :afterDate OR a.id > :afterId)',
            { afterDate: after.serviceDate, afterId: after.id },
          );
        return qb.orderBy('a.serviceDate', 'DESC').addOrderBy('a.id', 'ASC').take(take).getMany();
      }),
    );
    const all = perPractice.flat();
    if (perPractice.length > 1) all.sort((x, y) => compareKeys(keyOf(x), keyOf(y)));
    return all.slice(0, take);
  }

  /** The views of some rows, their reasons from one bulk call per service and practice. */
  private async describe(
    rows: AppointmentEntity[],
    readinessCache: Map<string, ReadinessItem[]>,
  ): Promise<UnbilledAppointmentView[]> {
    if (rows.length === 0) return [];
    const practices = [...new Set(rows.map((r) => r.practiceId))];
    const uncached = practices.filter((p) => !readinessCache.has(p));
    const [lines, readiness, ...perPractice] = await Promise.all([
      this.db.manager.find(AppointmentLineEntity, {
        where: { appointmentId: In(rows.map((r) => r.id)) },
        order: { position: 'ASC' },
      }),
      uncached.length
        ? this.facts.practiceItems(uncached)
        : Promise.resolve(new Map<string, ReadinessItem[]>()),
      ...practices.map(async (practiceId) => {
        const clientIds = [
          ...new Set(rows.filter((r) => r.practiceId === practiceId).map((r) => r.clientId)),
        ];
        return { practiceId, ...(await this.facts.clientFacts(practiceId, clientIds)) };
      }),
    ]);
    for (const [p, items] of readiness) readinessCache.set(p, items);
    const facts = new Map(perPractice.map((f) => [f.practiceId, f]));
    const linesOf = new Map<string, AppointmentLineEntity[]>();
    for (const l of lines) linesOf.set(l.appointmentId, [...(linesOf.get(l.appointmentId) ?? []), l]);
    return rows.map((a) => {
      const f = facts.get(a.practiceId)!;
      const coverage = f.coverage.get(a.clientId) ?? null;
      const own = linesOf.get(a.id) ?? [];
      const reasons = unbilledReasons({
        appointment: a,
        missingInfo: f.missing.get(a.clientId) ?? null,
        coverage,
        practiceItems: readinessCache.get(a.practiceId) ?? [],
      });
      return {
        appointmentId: a.id,
        practiceId: a.practiceId,
        clientId: a.clientId,
        renderingTeamMemberId: a.renderingTeamMemberId,
        serviceDate: a.serviceDate,
        startTime: a.startTime,
        minutes: a.minutes,
        placeOfService: a.placeOfService,
        procedures: own.map((l) => l.procedure),
        chargeCents: own.reduce((sum, l) => sum + l.feeCents, 0),
        policyId: coverage?.policyId ?? null,
        payer: coverage?.payer ?? null,
        ready: reasons.length === 0,
        reasons,
        version: a.version,
      };
    });
  }
}

function keyOf(a: AppointmentEntity): UnbilledKey {
  return { serviceDate: a.serviceDate, id: a.id };
}
