import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ResponseKind } from '@claimline/contracts/claims';

/** A response (or a part of one) that matched nothing of ours: kept for a person, never dropped. */
@Entity({ name: 'unmatched_response' })
export class UnmatchedResponseEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  account: string;

  @Column('text')
  fileName: string;

  @Column('text')
  kind: ResponseKind;

  @Column('text', { nullable: true })
  reference: string | null;

  @Column('text')
  reason: string;

  /** The encrypted archive copy of the whole file (FileArchive reference). */
  @Column('text', { nullable: true })
  archivedAs: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}
