import { EntityManager, In } from 'typeorm';
import type { ClaimStatusChangedEvent } from '@claimline/contracts/claims';
import type { ClaimRemittanceRefView } from '@claimline/contracts/claims/plain';
import type { KnownClaimLine } from '@claimline/payments';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { ClaimRefEntity } from './entities/claim-ref.entity';

/**
 * The read model of the claims an ERA may pay. Versions only move forward, so a late or repeated
 * event never overwrites a newer one. Raw upsert: the version guard is a WHERE on the conflict
 * update, which TypeORM's upsert cannot say.
 */
export async function applyClaimRef(m: EntityManager, c: ClaimRemittanceRefView): Promise<void> {
  const lines: KnownClaimLine[] = c.lines.map((l) => ({
    lineId: l.lineControlNumber,
    lineControlNumber: l.lineControlNumber,
    code: l.procedure,
    modifiers: l.modifiers,
    serviceDate: l.serviceDate,
    charge: l.chargeCents,
  }));
  await rawSql(
    m,
    'upsert',
    `INSERT INTO ${tableOf(m, ClaimRefEntity)} ("claim_id", "practice_id", "client_id", "payer_id", "control_number", "status", "charge_cents", "service_from", "lines", "filed_outside", "version")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT ("claim_id") DO UPDATE SET "status" = EXCLUDED."status", "charge_cents" = EXCLUDED."charge_cents",
       "lines" = EXCLUDED."lines", "control_number" = EXCLUDED."control_number", "version" = EXCLUDED."version", "updated_at" = now()
     WHERE "claim_ref"."version" < EXCLUDED."version"`,
    [
      c.id,
      c.practiceId,
      c.clientId,
      c.payerId,
      c.patientControlNumber,
      c.status,
      c.totalCents,
      c.serviceFrom,
      JSON.stringify(lines),
      c.filedOutside,
      c.version,
    ],
  );
}

/** A status change of a claim the read model holds (one it does not hold yet comes with its creation). */
export async function applyClaimStatus(m: EntityManager, e: ClaimStatusChangedEvent): Promise<boolean> {
  const row = await m.findOneBy(ClaimRefEntity, { claimId: e.id });
  if (!row) return false;
  if (row.version < e.version)
    await m.update(ClaimRefEntity, { claimId: e.id }, { status: e.to, version: e.version });
  return true;
}

/** The claims of a practice by the control numbers an ERA quotes. */
export function claimRefsByControlNumber(
  m: EntityManager,
  practiceId: string,
  controlNumbers: readonly string[],
): Promise<ClaimRefEntity[]> {
  if (controlNumbers.length === 0) return Promise.resolve([]);
  return m.find(ClaimRefEntity, { where: { practiceId, controlNumber: In([...controlNumbers]) } });
}
