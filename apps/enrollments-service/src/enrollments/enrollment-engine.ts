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
import { currentRequestId } from '@claimline/backend/util-service';
import { SCHEMA } from '../config/env';
import { PayerDirectory, PayerRef } from '../payers/payer-directory';
import { deriveStatus, PayerRequirements } from './derive-status';
import { DERIVED_STATUSES, isAllowed, Move } from './enrollment-state-machine';
import { EnrollmentRow, rowsOf, T } from './enrollment.rows';

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
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM "${SCHEMA}"."practice_payer" WHERE "practice_id" = $1 AND $2 = ANY("payer_ids")`,
      [practiceId, payerId],
    );
    return rows.length > 0;
  }

  /**
   * `client-insurance.practice-payers.changed`: stores the practice's payer set when the event is
   * newer than the one kept, then derives again every payer that entered or left the set. The
   * event carries the whole set, so a lost or late event heals with the next one.
   */
  async practicePayersChanged(m: EntityManager, event: PracticePayersChangedEvent): Promise<void> {
    const [previous]: { payerIds: string[]; version: number }[] = await m.query(
      `SELECT "payer_ids"::text[] AS "payerIds", "version" FROM "${SCHEMA}"."practice_payer" WHERE "practice_id" = $1 FOR UPDATE`,
      [event.practiceId],
    );
    if (previous && previous.version >= event.version) return;
    await m.query(
      `INSERT INTO "${SCHEMA}"."practice_payer" ("practice_id", "payer_ids", "version") VALUES ($1, $2::uuid[], $3)
       ON CONFLICT ("practice_id") DO UPDATE SET "payer_ids" = EXCLUDED."payer_ids", "version" = EXCLUDED."version"`,
      [event.practiceId, event.payerIds, event.version],
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

  async payerRequirementsChanged(m: EntityManager, before: PayerRef, after: PayerRef): Promise<void> {
    const practices: { practiceId: string }[] = await m.query(
      `SELECT "practice_id" AS "practiceId" FROM "${SCHEMA}"."practice_payer" WHERE $1 = ANY("payer_ids")
       UNION SELECT DISTINCT "practice_id" FROM ${T} WHERE "payer_id" = $1 ORDER BY 1`,
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
    payer: PayerRef,
    before: { payer: PayerRequirements; hasClients: boolean },
  ): Promise<void> {
    const hasClients = await this.hasClients(m, practiceId, payer.payerId);
    for (const type of ENROLLMENT_TYPES) {
      const target = deriveStatus(payer, type, hasClients);
      const rows = await rowsOf(m, practiceId, payer.payerId, type, true);
      if (rows.length === 0) {
        const shown = deriveStatus(before.payer, type, before.hasClients);
        if (shown !== target) await this.create(m, practiceId, payer, type, shown, target);
        continue;
      }
      for (const row of rows.filter((r) => DERIVED_STATUSES.includes(r.status) && r.status !== target)) {
        await m.query(
          `UPDATE ${T} SET "status" = $2, "version" = "version" + 1, "updated_at" = now() WHERE "id" = $1`,
          [row.id, target],
        );
        await this.record(m, row, payer.name, { from: row.status, to: target, move: 'derive', actor: null });
      }
    }
  }

  private async create(
    m: EntityManager,
    practiceId: string,
    payer: PayerRef,
    type: EnrollmentType,
    shown: EnrollmentStatus,
    target: EnrollmentStatus,
  ) {
    const id = randomUUID();
    await m.query(
      `INSERT INTO ${T} ("id", "practice_id", "payer_id", "type", "status", "version") VALUES ($1, $2, $3, $4, $5, 1)`,
      [id, practiceId, payer.payerId, type, target],
    );
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
    row: Pick<EnrollmentRow, 'id' | 'practiceId' | 'payerId' | 'type'>,
    payerName: string,
    change: Change,
  ): Promise<void> {
    if (change.from !== null && !isAllowed(change.from, change.move, change.to)) {
      throw new Error(`refused move ${change.move} ${change.from} → ${change.to} of enrollment ${row.id}`);
    }
    const [{ changedAt }]: { changedAt: Date }[] = await m.query(
      `INSERT INTO "${SCHEMA}"."enrollment_history" ("enrollment_id", "from_status", "to_status", "action", "reason", "document_id", "changed_by")
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING "changed_at" AS "changedAt"`,
      [
        row.id,
        change.from,
        change.to,
        change.move,
        change.reason ?? null,
        change.documentId ?? null,
        change.actor ? principalId(change.actor) : null,
      ],
    );
    await this.outbox.add(
      m,
      change.actor,
      {
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
      },
      currentRequestId(),
    );
  }
}
