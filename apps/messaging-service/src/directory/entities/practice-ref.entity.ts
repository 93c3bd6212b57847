import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of practice-settings: a practice's Secure Messaging switch; `version` only moves forward. */
@Entity({ name: 'practice_ref' })
export class PracticeRefEntity {
  @PrimaryColumn('uuid')
  practiceId: string;

  @Column('boolean')
  secureMessagingEnabled: boolean;

  @Column('integer')
  version: number;
}
