import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { EraSource } from '@claimline/contracts/payments';

/** A raw ERA file as received; its bytes are in `era_file_chunk`, encrypted. */
@Entity({ name: 'era_file' })
export class EraFileEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('text')
  source: EraSource;

  @Column('text')
  name: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  size: number;

  @Column('text')
  sha256: string;

  @Column('integer')
  chunkCount: number;

  /** `service:payments` for an SFTP pick-up, else the user's id. */
  @Column('text')
  importedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
