import { CreateDateColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * The columns every record that people edit carries: the optimistic-lock version (an update
 * naming a stale one is 409, `assertVersion`) and when the row was created and last changed.
 * An entity extends it instead of repeating the three columns (TypeORM inherits the columns of
 * an abstract base class; the tables are the same).
 */
export abstract class VersionedRecord {
  @VersionColumn()
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
