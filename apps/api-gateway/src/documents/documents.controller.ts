import {
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  InternalServerErrorException,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { DOCUMENT_MAX_BYTES_DEFAULT, UploadDocumentParams } from '@claimline/contracts/documents';
import type { RpcCallOptions } from '@claimline/backend/util-nats';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { Rpc } from '../common/request-meta';
import { CLIENT_EDITOR_ROLES } from '../clients/roles';
import { DocumentTransfer, UploadTooLargeError } from './documents.transfer';
import { DOCUMENT_TRANSFER, DOCUMENTS, DocumentsClient } from './documents.rpc';

/**
 * Documents of a practice (PHI: every read and change is audited). Uploads are the raw request
 * body (`Content-Type` = the file's type) with the metadata in the query string; see the module.
 */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('practices/:practiceId/documents')
export class DocumentsController {
  constructor(
    @Inject(DOCUMENTS) private readonly documents: DocumentsClient,
    @Inject(DOCUMENT_TRANSFER) private readonly transfer: DocumentTransfer,
  ) {}

  @Post()
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'document', action: 'create' })
  @ApiOperation({ summary: 'Upload a JPEG, PNG or PDF (≤ 10 MB) as the raw body; `linkedType`, `linkedId`, `kind` and `name` in the query' })
  async upload(
    @Param('practiceId', UuidParam) practiceId: string,
    @Query() params: UploadDocumentParams,
    @Headers('content-type') contentType: string | undefined,
    @Headers('content-length') contentLength: string | undefined,
    @Req() req: Request,
    @Rpc() rpc: RpcCallOptions,
  ) {
    if (contentLength && Number(contentLength) > DOCUMENT_MAX_BYTES_DEFAULT) throw tooLarge();
    const transferObject = `upload/${randomUUID()}`;
    try {
      await this.transfer.upload(transferObject, req, DOCUMENT_MAX_BYTES_DEFAULT);
    } catch (error) {
      if (error instanceof UploadTooLargeError) throw tooLarge();
      throw error;
    }
    try {
      return await this.documents.send(
        'documents.document.register',
        { ...params, practiceId, transferObject, ...(contentType && { declaredContentType: contentType }) },
        { ...rpc, timeoutMs: 60_000 },
      );
    } finally {
      // the service deletes it; this covers a timeout or an unavailable service
      await this.transfer.delete(transferObject).catch(() => undefined);
    }
  }

  @Get(':documentId')
  @Audit({ resource: 'document', action: 'read', idParam: 'documentId' })
  get(@Param('practiceId', UuidParam) practiceId: string, @Param('documentId', UuidParam) documentId: string, @Rpc() rpc: RpcCallOptions) {
    return this.documents.send('documents.document.get', { practiceId, documentId }, rpc);
  }

  @Get(':documentId/content')
  @Audit({ resource: 'document_content', action: 'read', idParam: 'documentId' })
  @ApiOperation({ summary: 'The document’s bytes, verified against their checksum (a damaged file answers 500 and is not served)' })
  async content(
    @Param('practiceId', UuidParam) practiceId: string,
    @Param('documentId', UuidParam) documentId: string,
    @Rpc() rpc: RpcCallOptions,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const opened = await this.documents.send('documents.document.open', { practiceId, documentId }, { ...rpc, timeoutMs: 60_000 });
    const stream = await this.transfer.download(opened.transferObject);
    if (!stream) throw new InternalServerErrorException('The document could not be read; try again');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(stream, {
      type: opened.document.contentType,
      length: opened.document.sizeBytes,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(opened.document.originalName)}`,
    });
  }

  @Delete(':documentId')
  @HttpCode(204)
  @Roles(...CLIENT_EDITOR_ROLES)
  @Audit({ resource: 'document', action: 'delete', idParam: 'documentId' })
  async remove(@Param('practiceId', UuidParam) practiceId: string, @Param('documentId', UuidParam) documentId: string, @Rpc() rpc: RpcCallOptions) {
    await this.documents.send('documents.document.remove', { practiceId, documentId }, rpc);
  }
}

function tooLarge(): PayloadTooLargeException {
  return new PayloadTooLargeException(`The file is larger than the limit of 10 MB (${DOCUMENT_MAX_BYTES_DEFAULT} bytes)`);
}
