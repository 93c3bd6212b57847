import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One chunk of a raw ERA file: base64 bytes encrypted with the PHI key, bound to `<fileId>:<seq>`. */
@Entity({ name: 'era_file_chunk' })
export class EraFileChunkEntity {
  @PrimaryColumn('uuid')
  fileId: string;

  @PrimaryColumn('integer')
  seq: number;

  @Column('text')
  data: string;
}
