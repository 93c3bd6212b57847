import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PracticeType } from '@claimline/contracts/practice-settings';
import { AddressColumns, VersionedRecord } from '@claimline/backend/util-persistence';

@Entity({ name: 'practice' })
export class PracticeEntity extends VersionedRecord {
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
}
