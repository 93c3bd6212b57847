import { Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity({ name: 'fee_schedule' })
export class FeeScheduleEntity {
  @PrimaryColumn('uuid')
  practiceId: string;

  @VersionColumn()
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
