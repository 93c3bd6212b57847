import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { canSeePractice } from '@claimline/contracts/common';
import {
  ERA_UPLOAD_MAX_BYTES,
  ListErasParams,
  ListUnmatchedParams,
  PAYMENT_EDITOR_ROLES,
  PAYMENT_READER_ROLES,
  ResolveUnmatchedBody,
  UploadEraParams,
} from '@claimline/contracts/payments';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { PAYMENTS, PaymentsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';
import { DocumentTransfer, UploadTooLargeError } from '../documents/documents.transfer';
import { DOCUMENT_TRANSFER } from '../documents/documents.rpc';

/** An 835 of tens of megabytes is streamed and posted in one call: longer than a read. */
const IMPORT_TIMEOUT_MS = 300_000;

const tooLarge = () =>
  new PayloadTooLargeException(
    `The file is larger than the limit of ${ERA_UPLOAD_MAX_BYTES / 1024 / 1024} MB`,
  );

/**
 * ERA (835) payments of a practice (payments-service). The billing roles import ERAs, read
 * payments and work the unmatched queue; clinicians see no money. Every route is audited (ERAs
 * name patients and their services).
 */
@ApiTags('payments')
@ApiBearerAuth()
@Controller('practices/:practiceId')
export class PaymentsController {
  constructor(
    @Inject(PAYMENTS) private readonly payments: PaymentsClient,
    @Inject(DOCUMENT_TRANSFER) private readonly transfer: DocumentTransfer,
  ) {}

  @Post('eras')
  @Roles(...PAYMENT_EDITOR_ROLES)
  @Audit({ resource: 'era', action: 'create' })
  @ApiConsumes('application/edi-x12', 'text/plain', 'application/octet-stream')
  @ApiBody({ description: 'The 835 file as the body (≤ 200 MB, streamed)' })
  @ApiOperation({
    summary:
      'Import an 835 (the raw file as the body, its name in `?name=`): the file is kept encrypted and each transaction (ST/SE) is posted in one go — ' +
      '`posted`, `held` (it does not balance: kept for review, nothing posted) or `duplicate` (the same payment was already imported: nothing posted again). ' +
      'Claims it cannot match go to the unmatched queue. 413 over 200 MB; 422 on `file` for a file that is not an 835',
  })
  async importEra(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Query() query: UploadEraParams,
    @Headers('content-length') contentLength: string | undefined,
    @Req() req: Request,
  ) {
    // Before reading a byte: a practice out of scope answers like a missing one.
    if (!canSeePractice(rpc.actor, practiceId))
      throw new NotFoundException(`Practice ${practiceId} was not found`);
    if (contentLength && Number(contentLength) > ERA_UPLOAD_MAX_BYTES) throw tooLarge();
    const transferObject = `upload/${randomUUID()}`;
    try {
      try {
        await this.transfer.upload(transferObject, req, ERA_UPLOAD_MAX_BYTES);
      } catch (error) {
        if (error instanceof UploadTooLargeError) throw tooLarge();
        throw error;
      }
      return await this.payments.send(
        'payments.era.import',
        { practiceId, transferObject, fileName: query.name },
        { ...rpc, timeoutMs: IMPORT_TIMEOUT_MS },
      );
    } finally {
      // the service deletes it; this covers a refusal, a timeout or an unavailable service
      await this.transfer.delete(transferObject).catch(() => undefined);
    }
  }

  @Get('eras')
  @Roles(...PAYMENT_READER_ROLES)
  @Audit({ resource: 'era', action: 'list' })
  @ApiOperation({ summary: 'The practice’s ERA transactions, newest first; `status` posted or held' })
  listEras(@InPractice() { practiceId, rpc }: PracticeCall, @Query() query: ListErasParams) {
    return this.payments.send('payments.era.list', { ...query, practiceId }, rpc);
  }

  @Get('eras/:transactionId')
  @Roles(...PAYMENT_READER_ROLES)
  @Audit({ resource: 'era', action: 'read', idParam: 'transactionId' })
  @ApiOperation({
    summary: 'One ERA transaction: payment, trace number, counts, PLB adjustments, why it is held',
  })
  getEra(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('transactionId', UuidParam) transactionId: string,
  ) {
    return this.payments.send('payments.era.get', { practiceId, transactionId }, rpc);
  }

  @Get('claims/:claimId/payments')
  @Roles(...PAYMENT_READER_ROLES)
  @Audit({ resource: 'claim_payment', action: 'read', idParam: 'claimId' })
  @ApiOperation({
    summary:
      'A claim’s payment overview: its postings (reversals and history included), the totals in force and the flags ' +
      '(`write_off_too_high`, `payment_missing`, `duplicate_payment`, …)',
  })
  claimPayments(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('claimId', UuidParam) claimId: string,
  ) {
    return this.payments.send('payments.claim.overview', { practiceId, claimId }, rpc);
  }

  @Get('unmatched-payments')
  @Roles(...PAYMENT_READER_ROLES)
  @Audit({ resource: 'unmatched_payment', action: 'list' })
  @ApiOperation({
    summary: 'Claim payments of ERAs that matched no claim; `state` open (default), matched or unapplied',
  })
  listUnmatched(@InPractice() { practiceId, rpc }: PracticeCall, @Query() query: ListUnmatchedParams) {
    return this.payments.send('payments.unmatched.list', { ...query, practiceId }, rpc);
  }

  @Post('unmatched-payments/:unmatchedId/resolve')
  @HttpCode(200)
  @Roles(...PAYMENT_EDITOR_ROLES)
  @Audit({ resource: 'unmatched_payment', action: 'update', idParam: 'unmatchedId' })
  @ApiOperation({
    summary:
      'Match an unmatched claim payment to a claim of the practice by hand (`action: match`, `claimId`), or post it as unapplied; 409 once worked',
  })
  resolveUnmatched(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('unmatchedId', UuidParam) unmatchedId: string,
    @Body() body: ResolveUnmatchedBody,
  ) {
    return this.payments.send('payments.unmatched.resolve', { ...body, practiceId, unmatchedId }, rpc);
  }

  @Get('clients/:clientId/ledger')
  @Roles(...PAYMENT_READER_ROLES)
  @Audit({ resource: 'client_ledger', action: 'read', idParam: 'clientId' })
  @ApiOperation({
    summary:
      'A client’s ledger: client responsibility from ERAs (a reversal’s negative), payments, adjustments, totals per kind and the balance',
  })
  clientLedger(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('clientId', UuidParam) clientId: string,
  ) {
    return this.payments.send('payments.client.ledger', { practiceId, clientId }, rpc);
  }
}
