import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Read model of documents-service's insurance card images linked to a policy. `side` stays null
 * while only the removal has arrived (events may come in either order).
 */
@Entity({ name: 'policy_card' })
export class PolicyCardEntity {
  @PrimaryColumn('uuid')
  documentId: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  policyId: string;

  @Column('text', { nullable: true })
  side: 'front' | 'back' | null;

  @Column('timestamptz', { nullable: true })
  uploadedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  removedAt: Date | null;
}
