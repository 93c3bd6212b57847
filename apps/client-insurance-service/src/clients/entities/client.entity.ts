import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BillingType, ClaimSex } from '@claimline/domain';
import { OptionalAddressColumns, VersionedRecord } from '@claimline/backend/util-persistence';

@Entity({ name: 'client' })
export class ClientEntity extends VersionedRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('text')
  firstName: string;

  @Column('text')
  lastName: string;

  @Column('text', { nullable: true })
  preferredName: string | null;

  @Column('date', { nullable: true })
  birthDate: string | null;

  @Column('char', { length: 1, nullable: true })
  sex: ClaimSex | null;

  @Column('text', { nullable: true })
  genderIdentity: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column(() => OptionalAddressColumns, { prefix: 'address' })
  address: OptionalAddressColumns;

  @Column('text', { nullable: true })
  billingType: BillingType | null;

  @Column('boolean')
  active: boolean;
}
