import { Column, Entity, PrimaryColumn } from 'typeorm';
import { VersionedRecord } from '@claimline/backend/util-persistence';
import type { Attendance } from '@claimline/contracts/claims';
import type { BillingType } from '@claimline/domain';

@Entity({ name: 'appointment' })
export class AppointmentEntity extends VersionedRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  clientId: string;

  @Column('uuid')
  renderingTeamMemberId: string;

  /** As practice-settings gave it when the appointment was last saved; a claim reads it again. */
  @Column('text')
  renderingNpi: string;

  /** `YYYY-MM-DD` (a `date` column comes back as the string PostgreSQL prints). */
  @Column('date')
  serviceDate: string;

  @Column('text')
  startTime: string;

  @Column('integer')
  minutes: number;

  @Column('uuid', { nullable: true })
  locationId: string | null;

  @Column('char', { length: 2 })
  placeOfService: string;

  /** Undotted ICD-10-CM codes in claim order. */
  @Column('text', { array: true })
  diagnoses: string[];

  @Column('text')
  attendance: Attendance;

  @Column('text')
  billingType: BillingType;

  /** The claim this appointment is billed on; null while unbilled (and again once that claim is voided). */
  @Column('uuid', { nullable: true })
  claimId: string | null;
}
