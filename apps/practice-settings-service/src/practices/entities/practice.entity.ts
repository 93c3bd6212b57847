import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { PracticeType } from '@claimline/contracts/practice-settings';

export class AddressColumns {
  @Column('text')
  line1: string;

  @Column('text', { nullable: true })
  line2: string | null;

  @Column('text')
  city: string;

  @Column('char', { length: 2 })
  state: string;

  @Column('text')
  zip: string;
}

@Entity({ name: 'practice' })
export class PracticeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  type: PracticeType;

  @Column('text')
  name: string;

  @Column('text')
  phone: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column(() => AddressColumns, { prefix: 'address' })
  address: AddressColumns;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
