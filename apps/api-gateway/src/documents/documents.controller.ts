import {
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  InternalServerErrorException,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UnprocessableEntityException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Request, Response } from 'express';
import { canSeePractice } from '@claimline/contracts/common';
import { DOCUMENT_KINDS, DOCUMENT_LINK_TYPES, UploadDocumentParams } from '@claimline/contracts/documents';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { httpValidationPipe } from '../common/http-validation';
import { UuidParam } from '../common/params';
import { type RpcMeta } from '../common/request-meta';
import { CLIENT_EDITOR_ROLES } from '../clients/roles';
import { GatewayEnv } from '../config/env';
import { DocumentContentParams, ListDocumentsParams } from './documents.http';
import { DocumentTransfer, UploadTooLargeError } from './documents.transfer';
import { DOCUMENT_TRANSFER, DOCUMENTS, DocumentsClient } from './documents.rpc';
import { LinkedRecords } from './linked-records';
import { MULTIPART_OVERHEAD_BYTES, receiveMultipart } from './multipart';
import { InPractice, type PracticeCall } from '../common/in-practice';

/**
 * Documents of a practice (PHI: every read and change is audited). An upload is a
 * `multipart/form-data` form, or the raw file as the body with its metadata in the query; see the module.
 */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('practices/:practiceId/documents')
export class DocumentsController {
  private readonly maxBytes: number;
  private readonly validation = httpValidationPipe();

  constructor(
    @Inject(DOCUMENTS) private readonly documents: DocumentsClient,
    @Inject(DOCUMENT_TRANSFER) private readonly transfer: DocumentTransfer,
    private readonly linkedRecords: LinkedRecords,
    env: GatewayEnv,
  ) {
    this.maxBytes = env.DOCUMENT_MAX_BYTES;
  }

  @Get()
  @Audit({ resource: 'document', action: 'list' })
  @ApiOperation({
    summary:
      'Documents of the practice (not deleted), newest first, paginated; narrowed by `linkedType`, `linkedId` and `kind`',
  })
  list(@InPractice() { practiceId, rpc }: PracticeCall, @Query() query: ListDocumentsParams) {
    return this.documents.send('documents.document.list', { ...query, practiceId }, rpc);
  }

  @Post()
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'document', action: 'create' })
  @ApiOperation({
    summary:
      'Upload a JPEG, PNG or PDF (≤ DOCUMENT_MAX_BYTES, 10 MB by default), streamed: a multipart form (fields `linkedType`, `linkedId`, `kind`, optional `name`, and one `file` part), ' +
      'or the raw file as the body (`Content-Type` its type) with the same fields in the query. The linked record must exist in the practice (422 on `linkedId`).',
  })
  @ApiConsumes('multipart/form-data', 'image/jpeg', 'image/png', 'application/pdf')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['linkedType', 'linkedId', 'kind', 'file'],
      properties: {
        linkedType: { type: 'string', enum: [...DOCUMENT_LINK_TYPES] },
        linkedId: { type: 'string', format: 'uuid' },
        kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
        name: { type: 'string', description: 'Defaults to the file part’s filename' },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiQuery({
    name: 'linkedType',
    required: false,
    enum: DOCUMENT_LINK_TYPES,
    description: 'Raw-body uploads only',
  })
  @ApiQuery({ name: 'linkedId', required: false, description: 'Raw-body uploads only' })
  @ApiQuery({ name: 'kind', required: false, enum: DOCUMENT_KINDS, description: 'Raw-body uploads only' })
  @ApiQuery({ name: 'name', required: false, description: 'Raw-body uploads only' })
  async upload(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Query() query: Record<string, unknown>,
    @Headers('content-length') contentLength: string | undefined,
    @Req() req: Request,
  ) {
    // Before reading a byte: a practice out of scope answers like a missing one.
    if (!canSeePractice(rpc.actor, practiceId))
      throw new NotFoundException(`Practice ${practiceId} was not found`);
    const transferObject = `upload/${randomUUID()}`;
    try {
      const received = req.is('multipart/form-data')
        ? await this.receiveForm(practiceId, query, contentLength, req, transferObject, rpc)
        : await this.receiveRaw(practiceId, query, contentLength, req, transferObject, rpc);
      return await this.documents.send(
        'documents.document.register',
        {
          ...received.params,
          practiceId,
          transferObject,
          ...(received.declaredContentType && { declaredContentType: received.declaredContentType }),
        },
        { ...rpc, timeoutMs: 60_000 },
      );
    } finally {
      // the service deletes it; this covers a refusal here, a timeout or an unavailable service
      await this.transfer.delete(transferObject).catch(() => undefined);
    }
  }

  /** The raw file as the body: the query is checked (fields, linked record) before the body is read. */
  private async receiveRaw(
    practiceId: string,
    query: Record<string, unknown>,
    contentLength: string | undefined,
    req: Request,
    transferObject: string,
    rpc: RpcMeta,
  ) {
    const params = await this.validated(query);
    await this.linkedRecords.check(practiceId, params, rpc);
    if (contentLength && Number(contentLength) > this.maxBytes) throw this.tooLarge();
    await this.store(transferObject, req);
    return { params, declaredContentType: req.headers['content-type'] };
  }

  /**
   * A multipart form: the file streams into the transfer bucket as it arrives; the fields (which
   * may come before or after it) are checked once the form has been read, and the linked record
   * after them. The transfer object of a refused form is deleted by `upload`.
   */
  private async receiveForm(
    practiceId: string,
    query: Record<string, unknown>,
    contentLength: string | undefined,
    req: Request,
    transferObject: string,
    rpc: RpcMeta,
  ) {
    const inQuery = Object.keys(query);
    if (inQuery.length > 0) {
      const errors = inQuery.map((field) => ({
        field,
        rule: 'form_field',
        message: `With a multipart upload, ${field} goes in a form field, not in the query`,
      }));
      throw new UnprocessableEntityException({ message: errors[0].message, errors });
    }
    if (contentLength && Number(contentLength) > this.maxBytes + MULTIPART_OVERHEAD_BYTES)
      throw this.tooLarge();
    const form = await receiveMultipart(
      req.headers,
      req,
      { maxFileBytes: this.maxBytes, tooLarge: () => this.tooLarge() },
      (file) => this.store(transferObject, file),
    );
    const fields: Record<string, unknown> = { ...form.fields };
    if (fields['name'] === undefined && form.file.filename !== undefined) fields['name'] = form.file.filename;
    if (fields['name'] === undefined) {
      const message = 'name is required: send a name field, or a filename in the file part';
      throw new UnprocessableEntityException({
        message,
        errors: [{ field: 'name', rule: 'required', message }],
      });
    }
    const params = await this.validated(fields);
    await this.linkedRecords.check(practiceId, params, rpc);
    return { params, declaredContentType: form.file.declaredType };
  }

  /** The same 422 problem as any query or body the global pipe checks. */
  private async validated(value: Record<string, unknown>): Promise<UploadDocumentParams> {
    return (await this.validation.transform(value, {
      type: 'body',
      metatype: UploadDocumentParams,
    })) as UploadDocumentParams;
  }

  private async store(transferObject: string, body: Readable): Promise<number> {
    try {
      return await this.transfer.upload(transferObject, body, this.maxBytes);
    } catch (error) {
      if (error instanceof UploadTooLargeError) throw this.tooLarge();
      throw error;
    }
  }

  private tooLarge(): PayloadTooLargeException {
    const mb = this.maxBytes / (1024 * 1024);
    return new PayloadTooLargeException(
      `The file is larger than the limit of ${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB (${this.maxBytes} bytes)`,
    );
  }

  @Get(':documentId')
  @Audit({ resource: 'document', action: 'read', idParam: 'documentId' })
  get(@InPractice() { practiceId, rpc }: PracticeCall, @Param('documentId', UuidParam) documentId: string) {
    return this.documents.send('documents.document.get', { practiceId, documentId }, rpc);
  }

  @Get(':documentId/content')
  @Audit({ resource: 'document_content', action: 'read', idParam: 'documentId' })
  @ApiOperation({
    summary:
      'The document’s bytes (`size=original`, the default), or for a JPEG or PNG its preview (`size=preview`: a JPEG, longest side 480 px, no metadata). ' +
      'Verified against their checksum: a damaged file answers 500 and is not served. A PDF has no preview (404).',
  })
  async content(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('documentId', UuidParam) documentId: string,
    @Query() query: DocumentContentParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const opened = await this.documents.send(
      'documents.document.open',
      { practiceId, documentId, ...query },
      { ...rpc, timeoutMs: 60_000 },
    );
    const stream = await this.transfer.download(opened.transferObject);
    if (!stream) throw new InternalServerErrorException('The document could not be read; try again');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    const { content } = opened;
    return new StreamableFile(stream, {
      type: content.contentType,
      length: content.sizeBytes,
      // a preview is an image we made ourselves: shown in place; an original is always a download
      disposition: `${content.size === 'preview' ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(content.fileName)}`,
    });
  }

  @Delete(':documentId')
  @HttpCode(204)
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'document', action: 'delete', idParam: 'documentId' })
  async remove(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('documentId', UuidParam) documentId: string,
  ) {
    await this.documents.send('documents.document.remove', { practiceId, documentId }, rpc);
  }
}
