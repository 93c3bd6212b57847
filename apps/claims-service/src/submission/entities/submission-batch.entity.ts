import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SubmissionBatchStatus } from '@claimline/contracts/claims';

/**
 * One 837P interchange for one clearinghouse account, recorded with its claims before it is
 * uploaded (the file name fixed then, so an upload retried after a crash finds it already there).
 * Written by the service, never edited by people: no VersionedRecord.
 */
@Entity({ name: 'submission_batch' })
export class SubmissionBatchEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('text')
  account: string;

  @Column('text')
  fileName: string;

  /** ISA13 and GS06 (a bigint comes back as a string). */
  @Column('bigint')
  interchangeControlNumber: string;

  @Column('uuid')
  payerId: string;

  @Column('text')
  payerName: string;

  @Column('text')
  status: SubmissionBatchStatus;

  @Column('integer')
  claimCount: number;

  /** The interchange, `PhiCipher` token bound to the batch id (it holds member IDs and names). */
  @Column('text')
  contentCiphertext: string;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  uploadedAt: Date | null;
}
