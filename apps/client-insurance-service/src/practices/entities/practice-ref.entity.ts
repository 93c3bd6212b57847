import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of practice-settings' practices: only what this service needs (the state, for BCBS). */
@Entity({ name: 'practice_ref' })
export class PracticeRefEntity {
  @PrimaryColumn('uuid')
  practiceId: string;

  @Column('text')
  name: string;

  @Column('char', { length: 2 })
  state: string;

  @Column('integer')
  version: number;
}
