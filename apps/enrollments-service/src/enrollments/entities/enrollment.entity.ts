import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionedRecord } from '@claimline/backend/util-persistence';
import type {
  EnrollmentRequestData,
  EnrollmentStatus,
  EnrollmentType,
} from '@claimline/contracts/enrollments';

/**
 * One enrollment of a practice with a payer, per type and billing identity. The identity stays
 * `''` until the first submission; then it is the billing NPI and a keyed hash of the Tax ID,
 * never the Tax ID itself (an SSN is only kept encrypted, bound to this id).
 */
@Entity({ name: 'enrollment' })
export class EnrollmentEntity extends VersionedRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  payerId: string;

  @Column('text')
  type: EnrollmentType;

  @Column('text')
  status: EnrollmentStatus;

  @Column('text', { default: '' })
  billingNpi: string;

  @Column('text', { default: '' })
  taxIdIndex: string;

  @Column('text', { nullable: true })
  taxIdKind: 'ein' | 'ssn' | null;

  /** As staff see it: an EIN whole, an SSN masked. */
  @Column('text', { nullable: true })
  taxIdDisplay: string | null;

  /** SSN digits, AES-256-GCM (see PhiCipher); null for an EIN. */
  @Column('text', { nullable: true })
  taxIdCiphertext: string | null;

  /** The last request sent, with the Tax ID as shown to staff. */
  @Column('jsonb', { nullable: true })
  request: EnrollmentRequestData | null;

  @Column('text', { nullable: true })
  clearinghouseReference: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('text', { nullable: true })
  instructions: string | null;

  @Column('uuid', { nullable: true })
  documentId: string | null;
}
