import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

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
