import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { EraTransactionStatus } from '@claimline/contracts/payments';
import { CentsColumn } from '../../database/columns';

/** One 835 transaction (ST/SE); `(practiceId, transactionKey)` is unique: the duplicate guard. */
@Entity({ name: 'era_transaction' })
export class EraTransactionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  fileId: string;

  @Column('text')
  transactionKey: string;

  @Column('text')
  status: EraTransactionStatus;

  @Column('jsonb')
  why: string[];

  @Column('text')
  payerName: string;

  @Column({ type: 'text', nullable: true })
  payerId: string | null;

  @Column('text')
  traceNumber: string;

  @CentsColumn()
  paymentCents: number;

  /** As the payer sent it (BPR16, else DTM*405): not always a valid date. */
  @Column({ type: 'text', nullable: true })
  paymentDate: string | null;

  @Column('integer')
  claimCount: number;

  @Column('integer')
  postingCount: number;

  @Column('integer')
  unmatchedCount: number;

  @CentsColumn()
  accountedCents: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
