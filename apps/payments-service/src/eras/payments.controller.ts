import { Controller, Inject, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, principalId } from '@claimline/contracts/common';
import {
  ClaimPaymentsRefDto,
  ClientLedgerQuery,
  EraRefDto,
  ImportEraCommand,
  ListErasQuery,
  ListUnmatchedQuery,
  PAYMENT_EDITOR_ROLES,
  PAYMENT_READER_ROLES,
  PaymentsSubjects as S,
  ResolveUnmatchedCommand,
} from '@claimline/contracts/payments';
import { RpcError, TransferBucket } from '@claimline/backend/util-nats';
import { SERVICE_NAME } from '../config/env';
import { EraImportService } from './era-import.service';
import { PaymentsService } from './payments.service';

export const TRANSFER_BUCKET = Symbol('TRANSFER_BUCKET');

/** Message handlers only. The practice's billing roles import ERAs and read payments; clinicians see no money. */
@Controller()
export class PaymentsController {
  private readonly logger = new Logger(PaymentsController.name);

  constructor(
    private readonly imports: EraImportService,
    private readonly payments: PaymentsService,
    @Inject(TRANSFER_BUCKET) private readonly transfer: TransferBucket,
  ) {}

  /** An uploaded 835, streamed from the transfer object (ADR 0007); the object is deleted whatever the outcome. */
  @Authorize({ roles: PAYMENT_EDITOR_ROLES, practice: 'practiceId' })
  @MessagePattern(S.eraImport)
  async importEra(@Caller() actor: Principal, @Payload('data') cmd: ImportEraCommand) {
    try {
      const upload = await this.transfer.open(cmd.transferObject);
      if (!upload)
        throw RpcError.field('file', 'missing', 'The uploaded file is gone (expired or already taken)');
      return await this.imports.importBytes(
        actor,
        cmd.practiceId,
        'upload',
        cmd.fileName,
        principalId(actor),
        upload.stream,
      );
    } finally {
      await this.transfer
        .delete(cmd.transferObject)
        .catch((e: Error) => this.logger.warn(`Could not delete ${cmd.transferObject}: ${e.message}`));
    }
  }

  @Authorize({ roles: PAYMENT_READER_ROLES, practice: 'practiceId' })
  @MessagePattern(S.eraList)
  listEras(@Caller() _actor: Principal, @Payload('data') q: ListErasQuery) {
    return this.payments.listEras(q);
  }

  @Authorize({ roles: PAYMENT_READER_ROLES, practice: 'practiceId' })
  @MessagePattern(S.eraGet)
  getEra(@Caller() _actor: Principal, @Payload('data') q: EraRefDto) {
    return this.payments.getEra(q);
  }

  @Authorize({ roles: PAYMENT_READER_ROLES, practice: 'practiceId' })
  @MessagePattern(S.claimOverview)
  claimOverview(@Caller() _actor: Principal, @Payload('data') q: ClaimPaymentsRefDto) {
    return this.payments.claimOverview(q.practiceId, q.claimId);
  }

  @Authorize({ roles: PAYMENT_READER_ROLES, practice: 'practiceId' })
  @MessagePattern(S.unmatchedList)
  listUnmatched(@Caller() _actor: Principal, @Payload('data') q: ListUnmatchedQuery) {
    return this.payments.listUnmatched(q);
  }

  @Authorize({ roles: PAYMENT_EDITOR_ROLES, practice: 'practiceId' })
  @MessagePattern(S.unmatchedResolve)
  resolveUnmatched(@Caller() actor: Principal, @Payload('data') cmd: ResolveUnmatchedCommand) {
    return this.payments.resolveUnmatched(actor, cmd);
  }

  @Authorize({ roles: PAYMENT_READER_ROLES, practice: 'practiceId' })
  @MessagePattern(S.clientLedger)
  clientLedger(@Caller() _actor: Principal, @Payload('data') q: ClientLedgerQuery) {
    return this.payments.clientLedger(q);
  }

  @Authorize({ services: ['api-gateway'] })
  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: SERVICE_NAME };
  }
}
