import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The payers a practice has policies with, as last announced in `practice-payers.changed`.
 * `version` is the event's, moved by hand (not a @VersionColumn): only a change of the set moves it.
 */
@Entity({ name: 'practice_payer_set' })
export class PracticePayerSetEntity {
  @PrimaryColumn('uuid')
  practiceId: string;

  @Column('uuid', { array: true, default: () => "'{}'" })
  payerIds: string[];

  @Column('integer', { default: 0 })
  version: number;
}
