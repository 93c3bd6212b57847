import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One service of an appointment; `position` keeps the order they were entered in. */
@Entity({ name: 'appointment_line' })
export class AppointmentLineEntity {
  @PrimaryColumn('uuid')
  appointmentId: string;

  @PrimaryColumn('integer')
  position: number;

  @Column('text')
  procedure: string;

  @Column('text', { array: true })
  modifiers: string[];

  @Column('integer')
  units: number;

  @Column('integer')
  feeCents: number;

  @Column('text')
  feeSource: 'schedule' | 'override';

  @Column('integer', { array: true })
  diagnosisPointers: number[];
}
