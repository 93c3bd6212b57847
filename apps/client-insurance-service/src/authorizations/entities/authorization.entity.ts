import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionedRecord } from '@claimline/backend/util-persistence';

@Entity({ name: 'prior_authorization' })
export class AuthorizationEntity extends VersionedRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  clientId: string;

  @Column('uuid')
  policyId: string;

  @Column('text')
  number: string;

  @Column('integer')
  usesAuthorized: number;

  /** Kept equal to the count of unreleased rows in authorization_use, in the same transaction. */
  @Column('integer')
  usesConsumed: number;

  @Column('date')
  validFrom: string;

  @Column('date')
  validTo: string;

  @Column('boolean')
  active: boolean;
}
