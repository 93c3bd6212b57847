import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { MultiLine } from '@claimline/contracts/common';
import { APPOINTMENT_IMPORT_MAX_BYTES } from '../appointment-import';

export type * from '../appointment-import.views';

/** The file's text travels in the message: the gateway took the upload and checked its size. */
export class PreviewAppointmentImportCommand {
  @IsUUID()
  practiceId: string;

  /** The CSV's text, named like the form part it came in, so a problem with it names `file`. */
  @IsString()
  @MultiLine()
  @MaxLength(APPOINTMENT_IMPORT_MAX_BYTES, { message: 'file is longer than the import limit' })
  file: string;
}

/** The multipart form fields of a commit: the spreadsheet rows to save (both inclusive), all when left out. */
export class CommitAppointmentImportParams {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'fromRow must be a whole number (a spreadsheet row, 2 the first appointment)' })
  @Min(2, { message: 'fromRow must be at least 2 (row 1 is the header)' })
  fromRow?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'toRow must be a whole number (a spreadsheet row)' })
  @Min(2, { message: 'toRow must be at least 2 (row 1 is the header)' })
  toRow?: number;
}

export class CommitAppointmentImportCommand extends CommitAppointmentImportParams {
  @IsUUID()
  practiceId: string;

  /** The CSV's text, named like the form part it came in, so a problem with it names `file`. */
  @IsString()
  @MultiLine()
  @MaxLength(APPOINTMENT_IMPORT_MAX_BYTES, { message: 'file is longer than the import limit' })
  file: string;
}
