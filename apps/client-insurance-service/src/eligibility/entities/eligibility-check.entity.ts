import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EligibilityOutcome } from '@claimline/contracts/client-insurance';

/**
 * One eligibility check of a policy (270 sent, 271 read). The payer's answer — benefits, amounts,
 * its messages — is health information about the client: kept encrypted (`detailsCiphertext`,
 * AES-256-GCM bound to the row id); the outcome and dates stay readable for lists and ordering.
 */
@Entity({ name: 'eligibility_check' })
export class EligibilityCheckEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  policyId: string;

  @Column('uuid')
  clientId: string;

  /** The date coverage was asked for. */
  @Column('date')
  date: string;

  @Column('timestamptz')
  checkedAt: Date;

  @Column('text')
  outcome: EligibilityOutcome;

  /** Who asked: the user id, or null for a check the service made itself. */
  @Column('text', { nullable: true })
  checkedBy: string | null;

  /** JSON of the answer's details (EligibilityDetails), encrypted. */
  @Column('text')
  detailsCiphertext: string;
}
