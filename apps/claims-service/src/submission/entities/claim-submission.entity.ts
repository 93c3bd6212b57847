import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ClaimSubmissionStatus } from '@claimline/contracts/claims';

/** One sending of one claim in a batch: the CLM01 it went with (`-n` for a resubmission) and its ST02. */
@Entity({ name: 'claim_submission' })
export class ClaimSubmissionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  claimId: string;

  @Column('uuid')
  batchId: string;

  @Column('uuid')
  practiceId: string;

  @Column('text')
  patientControlNumber: string;

  @Column('text')
  transactionControlNumber: string;

  @Column('text')
  status: ClaimSubmissionStatus;

  /** Open until a final answer (accepted, rejected) or a failed upload: one open per claim. */
  @Column('boolean')
  open: boolean;

  @Column('text', { nullable: true })
  payerClaimNumber: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
