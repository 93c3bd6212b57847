import {
  Controller,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  PayloadTooLargeException,
  Post,
  Req,
  UnprocessableEntityException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import type { Request } from 'express';
import { canSeePractice } from '@claimline/contracts/common';
import {
  APPOINTMENT_IMPORT_COLUMNS,
  APPOINTMENT_IMPORT_MAX_BYTES,
  CommitAppointmentImportParams,
} from '@claimline/contracts/claims';
import { Audit } from '../audit/audit.decorator';
import { httpValidationPipe } from '../common/http-validation';
import { CLAIMS, ClaimsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';
import { MULTIPART_OVERHEAD_BYTES, receiveMultipart } from '../documents/multipart';

const fileBody = (fields: Record<string, object> = {}) => ({
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description: `A UTF-8 CSV, ≤ ${APPOINTMENT_IMPORT_MAX_BYTES / 1024} KB, header row of: ${APPOINTMENT_IMPORT_COLUMNS.join(', ')}`,
      },
      ...fields,
    },
  },
});

/**
 * The appointments CSV import (claims-service checks and saves the rows). The file is a
 * `multipart/form-data` upload, read whole here (it is small) and sent as text; a file the service
 * cannot read at all is 422 on `file`, a row's problems are in the answer.
 */
@ApiTags('appointments')
@ApiBearerAuth()
@Controller('practices/:practiceId/appointments/import')
export class AppointmentImportController {
  private readonly validation = httpValidationPipe();

  constructor(@Inject(CLAIMS) private readonly claims: ClaimsClient) {}

  @Post('preview')
  @HttpCode(200)
  @Audit({ resource: 'appointment_import', action: 'read' })
  @ApiOperation({
    summary:
      'Check an appointments CSV: every row with its problems by column (`row` is the spreadsheet row, the header is 1); nothing is saved',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody())
  async preview(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Headers('content-length') contentLength: string | undefined,
    @Req() req: Request,
  ) {
    const { csv } = await this.receive(practiceId, rpc.actor, contentLength, req);
    return this.claims.send(
      'claims.appointment-import.preview',
      { practiceId, file: csv },
      { ...rpc, timeoutMs: 60_000 },
    );
  }

  @Post('commit')
  @HttpCode(200)
  @Audit({ resource: 'appointment_import', action: 'create' })
  @ApiOperation({
    summary:
      'Save the valid rows of an appointments CSV (all, or the rows `fromRow`–`toRow`); a row of the same file saved before is not saved again (`imported`)',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(
    fileBody({
      fromRow: {
        type: 'integer',
        minimum: 2,
        description: 'First spreadsheet row to save (2 = the first appointment)',
      },
      toRow: { type: 'integer', minimum: 2, description: 'Last spreadsheet row to save' },
    }),
  )
  async commit(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Headers('content-length') contentLength: string | undefined,
    @Req() req: Request,
  ) {
    const { csv, fields } = await this.receive(practiceId, rpc.actor, contentLength, req);
    const range = (await this.validation.transform(fields, {
      type: 'body',
      metatype: CommitAppointmentImportParams,
    })) as CommitAppointmentImportParams;
    return this.claims.send(
      'claims.appointment-import.commit',
      { ...range, practiceId, file: csv },
      { ...rpc, timeoutMs: 120_000 },
    );
  }

  /** The form's file as text (UTF-8, ≤ the limit) and its other fields. */
  private async receive(
    practiceId: string,
    actor: PracticeCall['rpc']['actor'],
    contentLength: string | undefined,
    req: Request,
  ): Promise<{ csv: string; fields: Record<string, string> }> {
    // Before reading a byte: a practice out of scope answers like a missing one.
    if (!canSeePractice(actor, practiceId))
      throw new NotFoundException(`Practice ${practiceId} was not found`);
    if (!req.is('multipart/form-data'))
      throw new UnsupportedMediaTypeException(
        'Send the CSV as a multipart/form-data form with a part named file',
      );
    if (contentLength && Number(contentLength) > APPOINTMENT_IMPORT_MAX_BYTES + MULTIPART_OVERHEAD_BYTES)
      throw tooLarge();
    const chunks: Buffer[] = [];
    const form = await receiveMultipart(
      req.headers,
      req,
      { maxFileBytes: APPOINTMENT_IMPORT_MAX_BYTES, tooLarge, maxFields: 4 },
      async (file: Readable) => {
        let bytes = 0;
        for await (const chunk of file) {
          bytes += (chunk as Buffer).length;
          if (bytes <= APPOINTMENT_IMPORT_MAX_BYTES) chunks.push(chunk as Buffer);
        }
        return bytes;
      },
    );
    if (form.file.bytes > APPOINTMENT_IMPORT_MAX_BYTES) throw tooLarge();
    let csv: string;
    try {
      csv = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    } catch {
      const message = 'The file is not UTF-8 text: save the spreadsheet as CSV UTF-8';
      throw new UnprocessableEntityException({
        message,
        errors: [{ field: 'file', rule: 'encoding', message }],
      });
    }
    return { csv, fields: form.fields };
  }
}

function tooLarge(): PayloadTooLargeException {
  return new PayloadTooLargeException(
    `The file is larger than the import limit of ${APPOINTMENT_IMPORT_MAX_BYTES / 1024} KB: split it into several files`,
  );
}
