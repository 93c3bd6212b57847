import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
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

/** Practices assigned to a billing staff member. */
@Entity({ name: 'staff_assignment' })
export class StaffAssignmentEntity {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('uuid')
  practiceId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  assignedAt: Date;
}

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

@Entity({ name: 'refresh_token' })
export class RefreshTokenEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  /** The session: all tokens rotated from one login share it; reuse of a spent one revokes it. */
  @Column('uuid')
  familyId: string;

  @Column('text')
  tokenHash: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'audit_event' })
@Index('audit_event_at_idx', ['at'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('text', { nullable: true })
  role: string | null;

  @Column('text')
  action: string;

  @Column('text')
  resourceType: string;

  @Column('text', { nullable: true })
  resourceId: string | null;

  @Column('uuid', { nullable: true })
  practiceId: string | null;

  @Column('int')
  status: number;

  @Column('text', { nullable: true })
  requestId: string | null;

  @Column('text', { nullable: true })
  ip: string | null;
}

export const GATEWAY_ENTITIES = [
  UserEntity,
  StaffAssignmentEntity,
  SessionEntity,
  RefreshTokenEntity,
  AuditEventEntity,
];
