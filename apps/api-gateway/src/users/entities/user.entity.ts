import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@claimline/contracts/common';

@Entity({ name: 'user_account' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  displayName: string;

  @Column('text')
  passwordHash: string;

  @Column('text')
  role: Role;

  /** The practice of a practice owner or clinician; null for staff and admins. */
  @Column('uuid', { nullable: true })
  practiceId: string | null;

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
