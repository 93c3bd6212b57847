import type {
  ClaimPaymentsRefDto,
  ClientLedgerQuery,
  EraRefDto,
  ImportEraCommand,
  ListErasQuery,
  ListUnmatchedQuery,
  ResolveUnmatchedCommand,
} from './dto/payments.dto';
import type {
  ClaimPaymentOverview,
  ClientLedgerView,
  EraImportView,
  EraTransactionView,
  PaymentsPage,
  UnmatchedView,
} from './payments.views';

/** Subject → request/response, so callers' `send` is type-checked against the handler. */
export interface PaymentsRpc {
  'payments.era.import': { request: ImportEraCommand; response: EraImportView };
  'payments.era.list': { request: ListErasQuery; response: PaymentsPage<EraTransactionView> };
  'payments.era.get': { request: EraRefDto; response: EraTransactionView };
  'payments.claim.overview': { request: ClaimPaymentsRefDto; response: ClaimPaymentOverview };
  'payments.unmatched.list': { request: ListUnmatchedQuery; response: PaymentsPage<UnmatchedView> };
  'payments.unmatched.resolve': { request: ResolveUnmatchedCommand; response: UnmatchedView };
  'payments.client.ledger': { request: ClientLedgerQuery; response: ClientLedgerView };
  'payments.health.ping': { request: Record<string, never>; response: { ok: true; service: string } };
}
