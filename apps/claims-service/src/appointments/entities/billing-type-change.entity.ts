import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BillingType } from '@claimline/domain';

/**
 * One switch of an appointment's billing type (self-pay and back): who, when and why. Written in
 * the transaction of the switch and never changed: the record of why an appointment left (or
 * returned to) the unbilled list.
 */
@Entity({ name: 'appointment_billing_type_change' })
export class BillingTypeChangeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  appointmentId: string;

  @Column('uuid')
  practiceId: string;

  @Column('text', { name: 'from_type' })
  from: BillingType;

  @Column('text', { name: 'to_type' })
  to: BillingType;

  /** In the words of whoever switched it (may name the client's situation: read it only through the audited route). */
  @Column('text')
  reason: string;

  /** The user id (or `service:<name>`) of who switched it. */
  @Column('text')
  changedBy: string;

  @Column('timestamptz', { default: () => 'now()' })
  changedAt: Date;
}
