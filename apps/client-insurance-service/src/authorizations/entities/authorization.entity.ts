import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity({ name: 'prior_authorization' })
export class AuthorizationEntity {
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

  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
