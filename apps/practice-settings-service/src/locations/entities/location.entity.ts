import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { AddressColumns } from '@claimline/backend/util-persistence';

@Entity({ name: 'location' })
export class LocationEntity {
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

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  removedAt: Date | null;
}
