import { Column, Entity, PrimaryColumn } from 'typeorm';

export type UnreadEmailOutcome = 'emailed' | 'read' | 'deleted' | 'off';

/**
 * The durable timer of one message for one recipient (ADR 0020): due at post time plus the
 * recipient's delay; `done_at`/`outcome` once it was e-mailed (with the event that asked for the
 * e-mail), read first, deleted, or Secure Messaging was switched off.
 */
@Entity({ name: 'unread_email' })
export class UnreadEmailEntity {
  @PrimaryColumn('uuid')
  messageId: string;

  @PrimaryColumn('uuid')
  recipientId: string;

  @Column('uuid')
  threadId: string;

  @Column('uuid')
  practiceId: string;

  @Column('timestamptz')
  dueAt: Date;

  @Column('timestamptz', { nullable: true })
  doneAt: Date | null;

  @Column('text', { nullable: true })
  outcome: UnreadEmailOutcome | null;

  @Column('uuid', { nullable: true })
  eventId: string | null;
}
