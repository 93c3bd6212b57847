import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One sign-in: its refresh tokens are a family with its id, its access tokens carry it as `sid`. */
@Entity({ name: 'session' })
export class SessionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Set at logout, on reuse of a spent refresh token, and when the user's role, password or state changes. */
  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}
