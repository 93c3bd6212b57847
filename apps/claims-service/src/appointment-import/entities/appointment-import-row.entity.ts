import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A row of an imported CSV file that was saved: the file's SHA-256 and the row number are the
 * idempotency key, so uploading the same file again creates nothing new for that row.
 */
@Entity({ name: 'appointment_import_row' })
export class AppointmentImportRowEntity {
  @PrimaryColumn('uuid')
  practiceId: string;

  /** Hex SHA-256 of the file's text. */
  @PrimaryColumn('text')
  fileSha256: string;

  /** Spreadsheet row (the header is row 1). */
  @PrimaryColumn('integer')
  row: number;

  @Column('uuid')
  appointmentId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
