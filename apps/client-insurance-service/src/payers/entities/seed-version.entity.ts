import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Which version of a reference-data seed this database has (`payers`: `PAYER_SEED.version`). */
@Entity({ name: 'seed_version' })
export class SeedVersionEntity {
  @PrimaryColumn('text')
  name: string;

  /** 0: never seeded. */
  @Column('integer')
  version: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  seededAt: Date;
}
