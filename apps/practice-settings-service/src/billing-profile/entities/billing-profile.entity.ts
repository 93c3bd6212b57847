import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BillAs, TaxIdKind } from '@claimline/contracts/practice-settings';
import { OptionalAddressColumns, VersionedRecord } from '@claimline/backend/util-persistence';

/** One per practice, created by the first PUT. An SSN is only ever stored encrypted. */
@Entity({ name: 'billing_profile' })
export class BillingProfileEntity extends VersionedRecord {
  @PrimaryColumn('uuid')
  practiceId: string;

  @Column('text')
  billAs: BillAs;

  @Column('char', { length: 10, nullable: true })
  organizationNpi: string | null;

  @Column('text', { nullable: true })
  taxIdKind: TaxIdKind | null;

  /** EIN digits (a business identifier, not PHI). */
  @Column('char', { length: 9, nullable: true })
  taxIdEin: string | null;

  /** SSN digits, AES-256-GCM (see PhiCipher). */
  @Column('text', { nullable: true })
  taxIdSsnCipher: string | null;

  @Column('char', { length: 10, nullable: true })
  taxonomyCode: string | null;

  @Column(() => OptionalAddressColumns, { prefix: 'billing' })
  billingAddress: OptionalAddressColumns;

  @Column(() => OptionalAddressColumns, { prefix: 'payTo' })
  payToAddress: OptionalAddressColumns;

  @Column('boolean')
  serviceFacilityLocation: boolean;
}
