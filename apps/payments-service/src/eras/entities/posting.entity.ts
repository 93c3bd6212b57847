import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ClassifiedAdjustment, LinePosting, PostingFlag } from '@claimline/payments';
import { CentsColumn } from '../../database/columns';

/**
 * One CLP matched to one of our claims. `inForce` is false for a held transaction's postings (kept
 * for review) and `reversed` once a later CLP02 22 undid it: history is never deleted.
 */
@Entity({ name: 'posting' })
export class PostingEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  transactionId: string;

  /** `<transactionKey>#<n>`: stable across re-imports. */
  @Column('text')
  postingKey: string;

  @Column('text')
  kind: 'payment' | 'reversal';

  @Column('uuid')
  claimId: string;

  @Column('uuid')
  clientId: string;

  @Column('text')
  controlNumber: string;

  @Column('text')
  payerClaimNumber: string;

  @Column('text')
  statusCode: string;

  @Column('boolean')
  crossover: boolean;

  @CentsColumn()
  chargeCents: number;

  @CentsColumn()
  paidCents: number;

  @CentsColumn()
  clientResponsibilityCents: number;

  @CentsColumn()
  deductibleCents: number;

  @CentsColumn()
  coinsuranceCents: number;

  @CentsColumn()
  copayCents: number;

  @CentsColumn()
  writeOffCents: number;

  @CentsColumn()
  otherAdjustmentCents: number;

  @Column('jsonb')
  claimAdjustments: ClassifiedAdjustment[];

  @Column('jsonb')
  lines: LinePosting[];

  /** The posting key this reversal undoes. */
  @Column({ type: 'text', nullable: true })
  reverses: string | null;

  @Column('boolean', { default: false })
  reversed: boolean;

  @Column('boolean')
  inForce: boolean;

  @Column('jsonb')
  flags: PostingFlag[];

  /** As the payer sent it (BPR16, else DTM*405): not always a valid date. */
  @Column({ type: 'text', nullable: true })
  paymentDate: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
