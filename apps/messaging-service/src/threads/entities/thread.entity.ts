import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AboutType } from '@claimline/contracts/messaging';
import { VersionedRecord } from '@claimline/backend/util-persistence';

/** A conversation of one practice. Its `search` column (a generated tsvector) is not mapped. */
@Entity({ name: 'thread' })
export class ThreadEntity extends VersionedRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('text')
  subject: string;

  @Column('text', { nullable: true })
  aboutType: AboutType | null;

  @Column('uuid', { nullable: true })
  aboutId: string | null;

  @Column('uuid')
  createdBy: string;

  @Column('timestamptz')
  lastMessageAt: Date;

  @Column('integer', { default: 0 })
  messageCount: number;
}
