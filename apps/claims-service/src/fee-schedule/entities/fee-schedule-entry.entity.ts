import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'fee_schedule_entry' })
export class FeeScheduleEntryEntity {
  @PrimaryColumn('uuid')
  practiceId: string;

  @PrimaryColumn('text')
  procedure: string;

  /** `modifierKey(modifiers)`: the lookup key, whatever order the modifiers were written in. */
  @PrimaryColumn('text')
  modifierKey: string;

  @Column('text', { array: true })
  modifiers: string[];

  @Column('integer')
  feeCents: number;
}
