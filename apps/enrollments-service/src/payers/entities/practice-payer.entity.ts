import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of `client-insurance.practice-payers.changed`: the payers a practice's clients use. */
@Entity({ name: 'practice_payer' })
export class PracticePayerEntity {
  @PrimaryColumn('uuid')
  practiceId: string;

  @Column('uuid', { array: true })
  payerIds: string[];

  /** The event's version of the set: only a newer one replaces it. */
  @Column('integer')
  version: number;
}
