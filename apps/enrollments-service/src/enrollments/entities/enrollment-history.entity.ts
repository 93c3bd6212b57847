import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EnrollmentStatus } from '@claimline/contracts/enrollments';

/** Every status change of an enrollment, in order (`id`); `changedBy` is null for derived changes. */
@Entity({ name: 'enrollment_history' })
export class EnrollmentHistoryEntity {
  /** bigserial: pg answers it as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  enrollmentId: string;

  @Column('text', { nullable: true })
  fromStatus: EnrollmentStatus | null;

  @Column('text')
  toStatus: EnrollmentStatus;

  @Column('text')
  action: string;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('uuid', { nullable: true })
  documentId: string | null;

  @Column('text', { nullable: true })
  changedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  changedAt: Date;
}
