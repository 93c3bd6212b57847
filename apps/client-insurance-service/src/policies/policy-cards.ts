import { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@claimline/contracts/common';
import type { PolicyCardsView } from '@claimline/contracts/client-insurance';
import type { DocumentRemovedEvent, DocumentUploadedEvent } from '@claimline/contracts/documents';
import { SCHEMA } from '../config/env';

/**
 * The document kinds that are a side of an insurance card. Only documents linked to a policy count
 * in `policy_card` (PolicyCardsConsumer): a card linked to the client could belong to any of its policies.
 */
const SIDES = { insurance_card_front: 'front', insurance_card_back: 'back' } as const;

/** Order-tolerant: an upload after its own removal (redelivered late) keeps the removal. */
export async function applyDocumentUploaded(
  m: EntityManager,
  event: EventEnvelope<DocumentUploadedEvent>,
): Promise<void> {
  const d = event.data.document;
  const side = SIDES[d.kind as keyof typeof SIDES];
  if (d.linkedType !== 'policy' || !side) return;
  await m.query(
    `INSERT INTO "${SCHEMA}"."policy_card" ("document_id", "practice_id", "policy_id", "side", "uploaded_at") VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ("document_id") DO UPDATE SET "side" = EXCLUDED."side", "uploaded_at" = EXCLUDED."uploaded_at"`,
    [d.id, d.practiceId, d.linkedId, side, d.uploadedAt],
  );
}

/** The removal event does not say the kind: a tombstone row waits for the upload if that comes later. */
export async function applyDocumentRemoved(
  m: EntityManager,
  event: EventEnvelope<DocumentRemovedEvent>,
): Promise<void> {
  const d = event.data;
  if (d.linkedType !== 'policy') return;
  await m.query(
    `INSERT INTO "${SCHEMA}"."policy_card" ("document_id", "practice_id", "policy_id", "removed_at") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("document_id") DO UPDATE SET "removed_at" = COALESCE("policy_card"."removed_at", EXCLUDED."removed_at")`,
    [d.documentId, d.practiceId, d.linkedId, event.occurredAt],
  );
}

/** Card images of each policy (one query for any number): the newest upload of each side not removed. */
export async function cardsOf(
  m: EntityManager,
  practiceId: string,
  policyIds: string[],
): Promise<Map<string, PolicyCardsView>> {
  const cards = new Map<string, PolicyCardsView>(policyIds.map((id) => [id, {}]));
  if (policyIds.length === 0) return cards;
  const rows: { policyId: string; side: 'front' | 'back'; documentId: string }[] = await m.query(
    `SELECT DISTINCT ON ("policy_id", "side") "policy_id" AS "policyId", "side", "document_id" AS "documentId"
       FROM "${SCHEMA}"."policy_card"
      WHERE "practice_id" = $1 AND "policy_id" = ANY($2::uuid[]) AND "removed_at" IS NULL AND "side" IS NOT NULL
      ORDER BY "policy_id", "side", "uploaded_at" DESC, "document_id" DESC`,
    [practiceId, policyIds],
  );
  for (const r of rows) cards.set(r.policyId, { ...cards.get(r.policyId), [r.side]: r.documentId });
  return cards;
}
