import { Module } from '@nestjs/common';
import { RPC_PROVIDERS } from '../common/rpc';
import { DOCUMENT_TRANSFER, DOCUMENTS_PROVIDERS } from '../documents/documents.rpc';
import { PaymentsController } from './payments.controller';

/**
 * ERA (835) import and posting (payments-service).
 *
 * Routes (under /api/v1), practice-scoped:
 * - `POST /practices/{practiceId}/eras?name=` — the 835 as the raw body (≤ 200 MB), streamed into
 *   the transfer bucket like a document upload (ADR 0007), then imported by the service
 * - `GET /practices/{practiceId}/eras`, `GET …/eras/{transactionId}`
 * - `GET /practices/{practiceId}/claims/{claimId}/payments`
 * - `GET /practices/{practiceId}/unmatched-payments`, `POST …/unmatched-payments/{unmatchedId}/resolve`
 * - `GET /practices/{practiceId}/clients/{clientId}/ledger`
 *
 * Roles: admin, billing_staff and practice_owner (`PAYMENT_EDITOR_ROLES`); clinicians see no
 * money. Every route is audited.
 */
@Module({
  controllers: [PaymentsController],
  providers: [...RPC_PROVIDERS, ...DOCUMENTS_PROVIDERS.filter((p) => p.provide === DOCUMENT_TRANSFER)],
})
export class PaymentsModule {}
