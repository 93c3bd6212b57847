import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NatsConnection } from 'nats';
import { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '@claimline/contracts/common';
import type { PolicyCardsView } from '@claimline/contracts/client-insurance';
import {
  DOCUMENTS_SERVICE,
  type DocumentRemovedEvent,
  type DocumentsEvents,
  type DocumentUploadedEvent,
} from '@claimline/contracts/documents';
import { EVENTS_CONFIG, EventConsumer, EventsConfig, NATS_CONNECTION } from '@claimline/backend/util-nats';
import { SCHEMA } from '../config/env';

export const DOCUMENTS_DURABLE = 'client-insurance-documents';

const SIDES = { insurance_card_front: 'front', insurance_card_back: 'back' } as const;

/**
 * Keeps `policy_card` from documents-service's events, so a policy can show its card images and
 * missing info can say whether the card is on file without asking another service. Only documents
 * linked to a policy count (a card linked to the client could belong to any of its policies).
 */
@Injectable()
export class PolicyCardReadModel implements OnApplicationBootstrap, OnModuleDestroy {
  readonly consumer: EventConsumer<DocumentsEvents>;

  constructor(
    @Inject(NATS_CONNECTION) nc: NatsConnection,
    @Inject(EVENTS_CONFIG) events: EventsConfig,
    @InjectDataSource() db: DataSource,
  ) {
    this.consumer = new EventConsumer<DocumentsEvents>(nc, db, {
      durable: DOCUMENTS_DURABLE,
      service: DOCUMENTS_SERVICE,
      schema: SCHEMA,
      events,
      handlers: {
        'documents.document.uploaded': (event, m) => applyDocumentUploaded(m, event),
        'documents.document.removed': (event, m) => applyDocumentRemoved(m, event),
      },
      logger: new Logger('PolicyCardReadModel'),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
  }
}

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
