import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One message. `seq` (an identity) orders a thread and names cursors; the generated `search`
 * tsvector is not mapped. A deleted message keeps its row (shown as deleted) with its text emptied.
 */
@Entity({ name: 'message' })
export class MessageEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column('uuid')
  threadId: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  senderId: string;

  @Column('text')
  text: string;

  @Column('uuid', { array: true, default: () => "'{}'" })
  attachmentIds: string[];

  @Column('timestamptz', { default: () => 'now()' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  editedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;
}
