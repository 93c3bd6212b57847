import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionedRecord } from '@claimline/backend/util-persistence';
import type { ClaimStatus } from '@claimline/domain';

/** A claim: the columns lists and matching need, and the snapshot and findings encrypted (see the migration). */
@Entity({ name: 'claim' })
export class ClaimEntity extends VersionedRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  /** From `claim_pcn_seq`; `patientControlNumber(sequence)` is CLM01. A bigint comes back as a string. */
  @Column('bigint')
  sequence: string;

  @Column('text')
  patientControlNumber: string;

  @Column('text')
  status: ClaimStatus;

  @Column('uuid')
  clientId: string;

  @Column('uuid')
  policyId: string;

  @Column('uuid')
  payerId: string;

  @Column('text')
  payerName: string;

  @Column('uuid')
  renderingTeamMemberId: string;

  /** NPI and tax ID kind of the billing provider: one 837P batch has one. No SSN digits. */
  @Column('text')
  billingProviderKey: string;

  @Column('uuid', { nullable: true })
  authorizationId: string | null;

  /** The keys visits of `authorizationId` were consumed with, one per appointment (released on void). */
  @Column('text', { array: true })
  authorizationKeys: string[];

  @Column('uuid', { array: true })
  appointmentIds: string[];

  /** `YYYY-MM-DD|procedure` per line, for the duplicate check of later claims. */
  @Column('text', { array: true })
  serviceKeys: string[];

  @Column('date')
  serviceFrom: string;

  @Column('date')
  serviceTo: string;

  @Column('integer')
  totalCents: number;

  @Column('integer')
  lineCount: number;

  @Column('char', { length: 1 })
  frequencyCode: '1' | '7' | '8';

  @Column('boolean')
  filedOutside: boolean;

  @Column('integer')
  errorCount: number;

  @Column('integer')
  warningCount: number;

  /** `PhiCipher` token of `{ snapshot, findings }`, bound to the claim id. */
  @Column('text')
  payloadCiphertext: string;

  @Column('text', { nullable: true })
  voidReason: string | null;
}
