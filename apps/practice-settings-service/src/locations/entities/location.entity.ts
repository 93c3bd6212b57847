import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AddressColumns, VersionedRecord } from '@claimline/backend/util-persistence';

@Entity({ name: 'location' })
export class LocationEntity extends VersionedRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column(() => AddressColumns, { prefix: 'address' })
  address: AddressColumns;

  @Column('char', { length: 2 })
  placeOfService: string;

  @Column('timestamptz', { nullable: true })
  removedAt: Date | null;
}
