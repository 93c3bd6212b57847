import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** An event waiting to be published (or already published) — written in the change's transaction. */
@Entity({ name: 'outbox' })
@Index('outbox_unpublished_idx', ['seq'], { where: 'published_at IS NULL' })
export class OutboxEventEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'bigint', generated: 'increment', unique: true })
  seq: string;

  @Column('text')
  type: string;

  @Column('uuid', { name: 'aggregate_id', nullable: true })
  aggregateId: string | null;

  @Column('uuid', { name: 'practice_id', nullable: true })
  practiceId: string | null;

  @Column('text', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('jsonb')
  data: object;

  @Column('text', { name: 'request_id', nullable: true })
  requestId: string | null;

  /** W3C `traceparent` of the work that wrote the event (tracing on), so its publication and consumers join that trace. */
  @Column('text', { name: 'trace_context', nullable: true })
  traceContext: string | null;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;

  @Column('int', { default: 0 })
  attempts: number;
}

/** Marks an event as handled by one consumer: redelivery finds the row and does nothing. */
@Entity({ name: 'inbox' })
export class InboxEntity {
  @PrimaryColumn('text')
  consumer: string;

  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @Column('text')
  type: string;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt: Date;
}

export const EVENT_ENTITIES = [OutboxEventEntity, InboxEntity];
