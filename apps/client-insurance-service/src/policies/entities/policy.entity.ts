import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ClaimSex, InsuranceOrder, RelationshipToInsured } from '@claimline/domain';
import { OptionalAddressColumns, VersionedRecord } from '@claimline/backend/util-persistence';

export class SubscriberColumns {
  @Column('text', { nullable: true })
  firstName: string | null;

  @Column('text', { nullable: true })
  lastName: string | null;

  @Column('date', { nullable: true })
  birthDate: string | null;

  @Column('char', { length: 1, nullable: true })
  sex: ClaimSex | null;

  @Column(() => OptionalAddressColumns, { prefix: 'address' })
  address: OptionalAddressColumns;
}

@Entity({ name: 'insurance_policy' })
export class PolicyEntity extends VersionedRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  clientId: string;

  @Column('text', { name: 'insurance_order' })
  order: InsuranceOrder;

  @Column('uuid')
  payerId: string;

  /** AES-256-GCM of the normalised member ID, bound to this row's id (see PhiCipher). */
  @Column('text')
  memberIdCiphertext: string;

  /** HMAC-SHA256 blind index of the normalised member ID, for exact look-up. */
  @Column('text')
  memberIdHmac: string;

  @Column('text', { nullable: true })
  groupNumber: string | null;

  @Column('text', { nullable: true })
  planName: string | null;

  @Column('date', { nullable: true })
  coverageStart: string | null;

  @Column('date', { nullable: true })
  coverageEnd: string | null;

  @Column('text')
  relationship: RelationshipToInsured;

  @Column(() => SubscriberColumns, { prefix: 'subscriber' })
  subscriber: SubscriberColumns;

  @Column('timestamptz', { nullable: true })
  removedAt: Date | null;
}
