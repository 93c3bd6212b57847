import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { UnmatchedState } from '@claimline/contracts/payments';
import { CentsColumn } from '../../database/columns';

/** A CLP that matched none of our claims: nothing is dropped; a biller matches it or posts it as unapplied. */
@Entity({ name: 'unmatched_claim' })
export class UnmatchedClaimEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  transactionId: string;

  @Column('text')
  postingKey: string;

  @Column('text')
  reason: 'not_our_control_number' | 'claim_not_found';

  @Column('text')
  controlNumber: string;

  @Column('text')
  payerClaimNumber: string;

  @Column('text')
  statusCode: string;

  @CentsColumn()
  chargeCents: number;

  @CentsColumn()
  paidCents: number;

  @CentsColumn()
  clientResponsibilityCents: number;

  /** The patient as the payer named them (PHI): encrypted. */
  @Column({ type: 'text', nullable: true })
  patientEnc: string | null;

  /** As the payer sent it: not always a valid date. */
  @Column({ type: 'text', nullable: true })
  serviceDateFrom: string | null;

  @Column('integer')
  lineCount: number;

  @Column('text')
  state: UnmatchedState;

  /** False while its transaction is held. */
  @Column('boolean')
  inForce: boolean;

  @Column({ type: 'uuid', nullable: true })
  claimId: string | null;

  @Column({ type: 'text', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
