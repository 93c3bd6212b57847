import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ClaimMove } from '@claimline/domain';
import type { PostingFlag } from '@claimline/payments';
import { CentsColumn } from '../../database/columns';

/** A claim's payment overview after its latest transaction, over the postings in force. */
@Entity({ name: 'claim_result' })
export class ClaimResultEntity {
  @PrimaryColumn('uuid')
  claimId: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  clientId: string;

  @Column('uuid')
  transactionId: string;

  @Column('text')
  status: string;

  @Column({ type: 'text', nullable: true })
  move: ClaimMove | null;

  @CentsColumn()
  chargeCents: number;

  @CentsColumn()
  paidCents: number;

  @CentsColumn()
  clientResponsibilityCents: number;

  @CentsColumn()
  deductibleCents: number;

  @CentsColumn()
  writeOffCents: number;

  @CentsColumn()
  otherAdjustmentCents: number;

  @CentsColumn()
  openCents: number;

  @Column('boolean')
  crossover: boolean;

  @Column('jsonb')
  flags: PostingFlag[];

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
