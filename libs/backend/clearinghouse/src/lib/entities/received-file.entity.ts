import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A response file fetched from a clearinghouse (TypeOrmResponseLedger): name, size and checksum,
 * so each is processed once. Never edited, so no VersionedRecord. A service that uses the
 * connector lists this entity in its data source and creates the table with
 * createClearinghouseTables() in a migration.
 */
@Entity({ name: 'clearinghouse_received_file' })
@Index('clearinghouse_received_file_once_idx', ['account', 'checksum'], {
  unique: true,
  where: 'NOT "duplicate"',
})
@Index('clearinghouse_received_file_name_idx', ['account', 'name', 'checksum'], { unique: true })
export class ReceivedFileEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  account: string;

  @Column('text')
  name: string;

  @Column('bigint', { transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  /** SHA-256 of the bytes, hex. */
  @Column('text')
  checksum: string;

  /** The same bytes were already processed under another name. */
  @Column('boolean')
  duplicate: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  receivedAt: Date;
}
