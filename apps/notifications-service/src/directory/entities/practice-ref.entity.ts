import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of practice-settings: a practice's name and e-mail (lower case). */
@Entity({ name: 'practice_ref' })
export class PracticeRefEntity {
  @PrimaryColumn('uuid')
  practiceId: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  email: string | null;

  /** The practice's version in practice-settings: only a newer event replaces the row. */
  @Column('integer')
  version: number;
}
