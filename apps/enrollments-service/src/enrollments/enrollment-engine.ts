import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { ENROLLMENT_TYPES } from '@claimline/domain';
import { type Principal, principalId } from '@claimline/contracts/common';
import {
  EnrollmentsEvents,
  EnrollmentsEventTypes,
  EnrollmentStatus,
  EnrollmentType,
} from '@claimline/contracts/enrollments';
import type { PracticePayersChangedEvent } from '@claimline/contracts/client-insurance';
import { Outbox } from '@claimline/backend/util-nats';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { PayerDirectory } from '../payers/payer-directory';
import { PayerRefEntity } from '../payers/entities/payer-ref.entity';
import { PracticePayerEntity } from '../payers/entities/practice-payer.entity';
import { deriveStatus, PayerRequirements } from './derive-status';
import { DERIVED_STATUSES, isAllowed, Move } from './enrollment-state-machine';
import { EnrollmentEntity } from './entities/enrollment.entity';
import { EnrollmentHistoryEntity } from './entities/enrollment-history.entity';

export interface Change {
  from: EnrollmentStatus | null;
  to: EnrollmentStatus;
  move: Move;
  actor: Principal | null;
  reason?: string | null;
  documentId?: string | null;
}

/**
 * Keeps derived statuses in step with clients on file and payer requirements, and records every
 * status change (history row + `status-changed` event, in the caller's transaction).
 */
@Injectable()
export class EnrollmentEngine {
  constructor(
    private readonly payers: PayerDirectory,
    private readonly outbox: Outbox<EnrollmentsEvents>,
  ) {
    payers.onRequirementsChanged = (m, before, after) => this.payerRequirementsChanged(m, before, after);
  }

  async hasClients(m: EntityManager, practiceId: string, payerId: string): Promise<boolean> {
    return m
      .getRepository(PracticePayerEntity)
      .createQueryBuilder('pp')
      .where('pp.practiceId = :practiceId', { practiceId })
      .andWhere(':payerId = ANY(pp.payerIds)', { payerId })
      .getExists();
  }

  /**
   * `client-insurance.practice-payers.changed`: stores the practice's payer set when the event is
   * newer than the one kept, then derives again every payer that entered or left the set. The
   * event carries the whole set, so a lost or late event heals with the next one.
   */
  async practicePayersChanged(m: EntityManager, event: PracticePayersChangedEvent): Promise<void> {
    const previous = await m.findOne(PracticePayerEntity, {
      where: { practiceId: event.practiceId },
      lock: { mode: 'pessimistic_write' },
    });
    if (previous && previous.version >= event.version) return;
    // An upsert: two first events of a practice may race past the (empty) lock above.
    await m.upsert(
      PracticePayerEntity,
      { practiceId: event.practiceId, payerIds: event.payerIds, version: event.version },
      ['practiceId'],
    );
    const before = new Set(previous?.payerIds ?? []);
    const after = new Set(event.payerIds);
    const touched = [...new Set([...before, ...after, ...event.added, ...event.removed])]
      .filter((id) => before.has(id) !== after.has(id))
      .sort();
    for (const payerId of touched) {
      const payer = await this.payers.ensure(m, payerId);
      await this.derive(m, event.practiceId, payer, { payer, hasClients: before.has(payerId) });
    }
  }

  async payerRequirementsChanged(
    m: EntityManager,
    before: PayerRefEntity,
    after: PayerRefEntity,
  ): Promise<void> {
    // Set-based: every practice that uses the payer or has an enrollment with it, once, in order.
    const practices = await rawSql<{ practiceId: string }>(
      m,
      'set-based',
      `SELECT "practice_id" AS "practiceId" FROM ${tableOf(m, PracticePayerEntity)} WHERE $1 = ANY("payer_ids")
       UNION SELECT DISTINCT "practice_id" FROM ${tableOf(m, EnrollmentEntity)} WHERE "payer_id" = $1 ORDER BY 1`,
      [after.payerId],
    );
    for (const { practiceId } of practices) {
      await this.derive(m, practiceId, after, {
        payer: before,
        hasClients: await this.hasClients(m, practiceId, after.payerId),
      });
    }
  }

  /**
   * Derives both enrollments of a practice × payer. Rows nobody submitted follow the derived
   * status; rows somebody submitted keep theirs. A payer × type without a row gets one when its
   * status differs from what the list showed before (`before`), so the change has an id, a
   * history and an event.
   */
  async derive(
    m: EntityManager,
    practiceId: string,
    payer: PayerRefEntity,
    before: { payer: PayerRequirements; hasClients: boolean },
  ): Promise<void> {
    const hasClients = await this.hasClients(m, practiceId, payer.payerId);
    for (const type of ENROLLMENT_TYPES) {
      const target = deriveStatus(payer, type, hasClients);
      const rows = await enrollmentsOf(m, practiceId, payer.payerId, type, true);
      if (rows.length === 0) {
        const shown = deriveStatus(before.payer, type, before.hasClients);
        if (shown !== target) await this.create(m, practiceId, payer, type, shown, target);
        continue;
      }
      for (const row of rows.filter((r) => DERIVED_STATUSES.includes(r.status) && r.status !== target)) {
        // `update` moves the version and `updated_at` itself (VersionColumn, UpdateDateColumn).
        await m.update(EnrollmentEntity, { id: row.id }, { status: target });
        await this.record(m, row, payer.name, { from: row.status, to: target, move: 'derive', actor: null });
      }
    }
  }

  private async create(
    m: EntityManager,
    practiceId: string,
    payer: PayerRefEntity,
    type: EnrollmentType,
    shown: EnrollmentStatus,
    target: EnrollmentStatus,
  ) {
    const id = randomUUID();
    await m.insert(EnrollmentEntity, { id, practiceId, payerId: payer.payerId, type, status: target });
    await this.record(m, { id, practiceId, payerId: payer.payerId, type }, payer.name, {
      from: shown,
      to: target,
      move: 'derive',
      actor: null,
    });
  }

  /** History row and `enrollments.enrollment.status-changed`, refusing a move the state machine does not allow. */
  async record(
    m: EntityManager,
    row: Pick<EnrollmentEntity, 'id' | 'practiceId' | 'payerId' | 'type'>,
    payerName: string,
    change: Change,
  ): Promise<void> {
    if (change.from !== null && !isAllowed(change.from, change.move, change.to)) {
      throw new Error(`refused move ${change.move} ${change.from} → ${change.to} of enrollment ${row.id}`);
    }
    const { changedAt } = await m.save(
      m.create(EnrollmentHistoryEntity, {
        enrollmentId: row.id,
        fromStatus: change.from,
        toStatus: change.to,
        action: change.move,
        reason: change.reason ?? null,
        documentId: change.documentId ?? null,
        changedBy: change.actor ? principalId(change.actor) : null,
      }),
    );
    await this.outbox.add(m, change.actor, {
      type: EnrollmentsEventTypes.statusChanged,
      aggregateId: row.id,
      practiceId: row.practiceId,
      data: {
        enrollmentId: row.id,
        practiceId: row.practiceId,
        payerId: row.payerId,
        payerName,
        type: row.type,
        from: change.from,
        to: change.to,
        reason: change.reason ?? null,
        changedBy: change.actor ? principalId(change.actor) : null,
        changedAt: new Date(changedAt).toISOString(),
      },
    });
  }
}

/** The enrollments of a practice × payer × type, oldest first; locked for the caller's transaction when asked. */
export function enrollmentsOf(
  m: EntityManager,
  practiceId: string,
  payerId: string,
  type: EnrollmentType,
  lock = false,
): Promise<EnrollmentEntity[]> {
  return m.find(EnrollmentEntity, {
    where: { practiceId, payerId, type },
    order: { createdAt: 'ASC', id: 'ASC' },
    ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
  });
}
