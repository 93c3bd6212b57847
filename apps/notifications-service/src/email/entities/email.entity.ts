import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { EmailLogView, NotificationKind } from '@claimline/contracts/notifications';

/**
 * The e-mail outbox and log: one row per (triggering event, recipient), written in the
 * transaction of the event's inbox row; the sender loop claims, delivers and records it.
 */
@Entity({ name: 'email' })
export class EmailEntity {
  /** Also the left-hand side of the Message-ID, so a resend after a crash can be deduplicated. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column('text')
  eventType: string;

  @Column('text')
  kind: NotificationKind;

  @Column('text')
  template: string;

  @Column('uuid')
  practiceId: string;

  /** Lower case (a CHECK in the table). */
  @Column('text')
  recipient: string;

  @Column('text')
  subject: string;

  @Column('text')
  textBody: string;

  @Column('text')
  htmlBody: string;

  @Column('text', { default: 'pending' })
  status: EmailLogView['status'];

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('timestamptz', { default: () => 'now()' })
  nextAttemptAt: Date;

  /** The lease of the sender that claimed the row, with its `claimToken`. */
  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;

  @Column('uuid', { nullable: true })
  claimToken: string | null;

  @Column('timestamptz', { nullable: true })
  lastAttemptAt: Date | null;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('text', { nullable: true })
  smtpResponse: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('timestamptz', { nullable: true })
  failedAt: Date | null;
}
