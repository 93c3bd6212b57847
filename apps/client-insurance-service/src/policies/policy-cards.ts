import { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@claimline/contracts/common';
import type { PolicyCardsView } from '@claimline/contracts/client-insurance';
import type { DocumentRemovedEvent, DocumentUploadedEvent } from '@claimline/contracts/documents';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { PolicyCardEntity } from './entities/policy-card.entity';

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
  // A removal seen first left a tombstone: fill in the side and keep its removed_at.
  await m
    .createQueryBuilder()
    .insert()
    .into(PolicyCardEntity)
    .values({
      documentId: d.id,
      practiceId: d.practiceId,
      policyId: d.linkedId,
      side,
      uploadedAt: new Date(d.uploadedAt),
    })
    .orUpdate(['side', 'uploaded_at'], ['document_id'])
    .execute();
}

/** The removal event does not say the kind: a tombstone row waits for the upload if that comes later. */
export async function applyDocumentRemoved(
  m: EntityManager,
  event: EventEnvelope<DocumentRemovedEvent>,
): Promise<void> {
  const d = event.data;
  if (d.linkedType !== 'policy') return;
  // The first removal wins (COALESCE), which orUpdate cannot say.
  await rawSql(
    m,
    'upsert',
    `INSERT INTO ${tableOf(m, PolicyCardEntity)} ("document_id", "practice_id", "policy_id", "removed_at") VALUES ($1, $2, $3, $4)
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
  const rows = await m
    .createQueryBuilder(PolicyCardEntity, 'c')
    .distinctOn(['c.policyId', 'c.side'])
    .where('c.practiceId = :practiceId AND c.policyId IN (:...policyIds)', { practiceId, policyIds })
    .andWhere('c.removedAt IS NULL AND c.side IS NOT NULL')
    .orderBy('c.policyId')
    .addOrderBy('c.side')
    .addOrderBy('c.uploadedAt', 'DESC')
    .addOrderBy('c.documentId', 'DESC')
    .getMany();
  for (const r of rows)
    if (r.side) cards.set(r.policyId, { ...cards.get(r.policyId), [r.side]: r.documentId });
  return cards;
}
