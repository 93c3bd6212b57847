import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NotificationKind } from '@claimline/contracts/notifications';

/** What one recipient (practice × address) wants of one kind; a missing row means "on". */
@Entity({ name: 'recipient_preference' })
export class RecipientPreferenceEntity {
  @PrimaryColumn('uuid')
  practiceId: string;

  /** Lower case (a CHECK in the table). */
  @PrimaryColumn('text')
  email: string;

  @PrimaryColumn('text')
  kind: NotificationKind;

  @Column('boolean')
  enabled: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('text', { nullable: true })
  updatedBy: string | null;
}
