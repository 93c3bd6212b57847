import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A user's own messaging settings; no row = the deployment's defaults. */
@Entity({ name: 'user_preference' })
export class UserPreferenceEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @Column('integer', { nullable: true })
  unreadEmailDelaySeconds: number | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
