import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One answer of a payer about a claim (276 → 277): the status in words; the payer's message encrypted. */
@Entity({ name: 'claim_status_inquiry' })
export class ClaimStatusInquiryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  claimId: string;

  @Column('timestamptz')
  askedAt: Date;

  @Column('text')
  category: string;

  @Column('text', { nullable: true })
  code: string | null;

  @Column('text')
  statusText: string;

  @Column('integer', { nullable: true })
  paidCents: number | null;

  @Column('text', { nullable: true })
  payerClaimNumber: string | null;

  /** STC12, the payer's free text: may name the client, so encrypted (bound to the row id). */
  @Column('text', { nullable: true })
  messageCiphertext: string | null;

  @Column('text')
  trigger: 'manual' | 'scheduled';

  @Column('text')
  askedBy: string;
}
