import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read state of one message for one recipient: `readAt` null while unread. */
@Entity({ name: 'receipt' })
export class ReceiptEntity {
  @PrimaryColumn('uuid')
  messageId: string;

  @PrimaryColumn('uuid')
  recipientId: string;

  @Column('uuid')
  threadId: string;

  @Column('uuid')
  practiceId: string;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;
}
