import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Failed sign-ins of one account key (a keyed hash of the e-mail, never the address itself). */
@Entity({ name: 'login_throttle' })
export class LoginThrottleEntity {
  @PrimaryColumn('text')
  accountKey: string;

  @Column('integer')
  failures: number;

  @Column('timestamptz')
  lastAttemptAt: Date;

  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;
}
