import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  CLAIM_EDITOR_ROLES,
  type ClaimFileView,
  Claims837Body,
  ClaimVersionBody,
  Cms1500Params,
  CreateClaimsBody,
  ListClaimsParams,
  VoidClaimBody,
} from '@claimline/contracts/claims';
import { Audit } from '../audit/audit.decorator';
import { Roles } from '../auth/decorators';
import { UuidParam } from '../common/params';
import { CLAIMS, ClaimsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';

/** Rendering a CMS-1500 or writing an 837P of many claims takes longer than a read. */
const FILE_TIMEOUT_MS = 60_000;

/**
 * Claims of a practice (PHI: every read and change is audited, the downloads too). The billing
 * roles make, re-scrub and void claims; every role of the practice reads them and downloads their
 * CMS-1500 and 837P.
 */
@ApiTags('claims')
@ApiBearerAuth()
@Controller('practices/:practiceId/claims')
export class ClaimsController {
  constructor(@Inject(CLAIMS) private readonly claims: ClaimsClient) {}

  @Post()
  @Roles(...CLAIM_EDITOR_ROLES)
  @Audit({ resource: 'claim', action: 'create' })
  @ApiOperation({
    summary:
      'Make claims from appointments (one per client × policy × clinician × billing provider × location × place of service × `period`); ' +
      'each is scrubbed: Prepared when clean, Scrub with its findings otherwise. `notClaimed` says why an appointment was left out. ' +
      'Sending the same appointments again makes no second claim.',
  })
  create(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: CreateClaimsBody) {
    return this.claims.send(
      'claims.claim.create-from-appointments',
      { ...body, practiceId },
      { ...rpc, timeoutMs: FILE_TIMEOUT_MS },
    );
  }

  @Get()
  @Audit({ resource: 'claim', action: 'list' })
  @ApiOperation({
    summary:
      'Claims of the practice, newest first, with how many are in each status for the same filters; `status`, `clientId`, `payerId`, `from`/`to` (dates of service) filter',
  })
  list(@InPractice() { practiceId, rpc }: PracticeCall, @Query() query: ListClaimsParams) {
    return this.claims.send('claims.claim.list', { ...query, practiceId }, rpc);
  }

  @Post('837p')
  @HttpCode(200)
  @Audit({ resource: 'claim_file', action: 'read' })
  @ApiProduces('application/edi-x12')
  @ApiOperation({
    summary:
      'One 837P file of the claims named (one billing provider; claims in Scrub or Void are refused), validated before it is sent',
  })
  async x12Many(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Body() body: Claims837Body,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.claims.send(
      'claims.claim.export',
      { ...body, practiceId },
      { ...rpc, timeoutMs: FILE_TIMEOUT_MS },
    );
    return download(res, file);
  }

  @Get(':claimId')
  @Audit({ resource: 'claim', action: 'read', idParam: 'claimId' })
  @ApiOperation({ summary: 'A claim: what it copied, its lines, scrub findings and status history' })
  get(@InPractice() { practiceId, rpc }: PracticeCall, @Param('claimId', UuidParam) claimId: string) {
    return this.claims.send('claims.claim.get', { practiceId, claimId }, rpc);
  }

  @Post(':claimId/scrub')
  @HttpCode(200)
  @Roles(...CLAIM_EDITOR_ROLES)
  @Audit({ resource: 'claim', action: 'update', idParam: 'claimId' })
  @ApiOperation({
    summary:
      'Scrub again after fixing what it named: the client, policy, payer and practice are copied again; Scrub ↔ Prepared by the findings. Send the `version` you read (409 if it moved on)',
  })
  scrub(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('claimId', UuidParam) claimId: string,
    @Body() body: ClaimVersionBody,
  ) {
    return this.claims.send('claims.claim.scrub', { ...body, practiceId, claimId }, rpc);
  }

  @Post(':claimId/void')
  @HttpCode(200)
  @Roles(...CLAIM_EDITOR_ROLES)
  @Audit({ resource: 'claim', action: 'update', idParam: 'claimId' })
  @ApiOperation({
    summary:
      'Void a claim with a reason (`note` when the reason is `other`): its appointments are unbilled again and the authorization visits it used are given back',
  })
  void(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('claimId', UuidParam) claimId: string,
    @Body() body: VoidClaimBody,
  ) {
    return this.claims.send('claims.claim.void', { ...body, practiceId, claimId }, rpc);
  }

  @Get(':claimId/cms1500')
  @Audit({ resource: 'claim_file', action: 'read', idParam: 'claimId' })
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'The claim as a CMS-1500 (02/12) PDF: `variant=full` draws the form, `data` prints only the data for red pre-printed forms',
  })
  async cms1500(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('claimId', UuidParam) claimId: string,
    @Query() query: Cms1500Params,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.claims.send(
      'claims.claim.print',
      { ...query, practiceId, claimId },
      { ...rpc, timeoutMs: FILE_TIMEOUT_MS },
    );
    return download(res, file);
  }

  @Get(':claimId/837p')
  @Audit({ resource: 'claim_file', action: 'read', idParam: 'claimId' })
  @ApiProduces('application/edi-x12')
  @ApiOperation({ summary: 'The claim as an 837P file, validated before it is sent' })
  async x12One(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('claimId', UuidParam) claimId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.claims.send(
      'claims.claim.export',
      { practiceId, claimIds: [claimId] },
      { ...rpc, timeoutMs: FILE_TIMEOUT_MS },
    );
    return download(res, file);
  }
}

/** A file made by claims-service, sent as a download that is never cached. */
function download(res: Response, file: ClaimFileView): StreamableFile {
  const bytes = Buffer.from(file.contentBase64, 'base64');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(bytes, {
    type: file.contentType,
    length: bytes.length,
    disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}
