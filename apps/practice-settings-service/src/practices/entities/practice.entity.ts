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

/** An optional address: every column nullable; `line1` null means "none". */
export class OptionalAddressColumns {
  @Column('text', { nullable: true })
  line1: string | null;

  @Column('text', { nullable: true })
  line2: string | null;

  @Column('text', { nullable: true })
  city: string | null;

  @Column('char', { length: 2, nullable: true })
  state: string | null;

  @Column('text', { nullable: true })
  zip: string | null;
}

@Entity({ name: 'practice' })
export class PracticeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  type: PracticeType;

  /** Display name. */
  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  legalName: string | null;

  @Column('text')
  phone: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column(() => AddressColumns, { prefix: 'address' })
  address: AddressColumns;

  @Column('boolean', { default: false })
  secureMessagingEnabled: boolean;

  /** Practice settings' own readiness items all done; kept in step by every change, for list filters. */
  @Column('boolean', { default: false })
  settingsComplete: boolean;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
