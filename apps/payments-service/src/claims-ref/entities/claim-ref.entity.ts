import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { KnownClaimLine } from '@claimline/payments';
import { CentsColumn, DateColumn } from '../../database/columns';

/** Read model of claims-service: what an ERA's CLP and SVC are matched against (ADR 0022). */
@Entity({ name: 'claim_ref' })
export class ClaimRefEntity {
  @PrimaryColumn('uuid')
  claimId: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  clientId: string;

  @Column('uuid')
  payerId: string;

  /** CLM01 as we sent it: what CLP01 quotes back. */
  @Column('text')
  controlNumber: string;

  @Column('text')
  status: string;

  @CentsColumn()
  chargeCents: number;

  @DateColumn()
  serviceFrom: string;

  @Column('jsonb')
  lines: KnownClaimLine[];

  @Column('boolean')
  filedOutside: boolean;

  @Column('integer')
  version: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
