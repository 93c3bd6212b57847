import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ResponseKind } from '@claimline/contracts/claims';

/** One answer about one submission (TA1, 999, 277CA), in words a biller reads. */
@Entity({ name: 'submission_response' })
export class SubmissionResponseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  submissionId: string;

  @Column('text')
  kind: ResponseKind;

  @Column('text')
  fileName: string;

  @Column('text')
  outcome: 'accepted' | 'received' | 'rejected';

  @Column('text')
  words: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
