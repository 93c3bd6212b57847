import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PayerRequirements } from '../../enrollments/derive-status';

/** Read model of client-insurance's payer directory: what enrollment needs to know of a payer. */
@Entity({ name: 'payer_ref' })
export class PayerRefEntity implements PayerRequirements {
  @PrimaryColumn('uuid')
  payerId: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  clearinghousePayerId: string | null;

  @Column('boolean')
  claimFilingEnrollmentRequired: boolean;

  @Column('boolean')
  eraSupported: boolean;

  @Column('boolean')
  eraEnrollmentRequired: boolean;

  /** The payer's version in client-insurance (not ours): an older event never overwrites a newer one. */
  @Column('integer')
  version: number;
}
