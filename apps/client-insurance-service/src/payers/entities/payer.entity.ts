import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionedRecord } from '@claimline/backend/util-persistence';
import type { PayerKind } from '@claimline/contracts/client-insurance';

/** The payer directory, shared by every practice (no practice_id): seeded from @claimline/reference-data. */
@Entity({ name: 'payer' })
export class PayerEntity extends VersionedRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { nullable: true })
  key: string | null;

  @Column('text')
  name: string;

  @Column('text', { array: true })
  aliases: string[];

  @Column('jsonb')
  payerIds: Record<string, string>;

  @Column('text')
  kind: PayerKind;

  @Column('text', { array: true })
  states: string[];

  @Column('text', { nullable: true })
  region: string | null;

  @Column('boolean')
  isBcbs: boolean;

  @Column('boolean')
  claimFilingEnrollmentRequired: boolean;

  @Column('boolean')
  eraSupported: boolean;

  @Column('boolean')
  eraEnrollmentRequired: boolean;

  @Column('boolean')
  verified: boolean;

  @Column('text', { nullable: true })
  source: string | null;
}
