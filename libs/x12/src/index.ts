export { formatCents, parseCents } from './amount';
export type * from './claim-837p';
export type { GroupInfo, InterchangeInfo, TransactionEnvelope } from './envelope';
export { type Finding, X12Error, type X12Result } from './errors';
export { MAP_277CA } from './generated/map-277ca';
export { MAP_835 } from './generated/map-835';
export { MAP_837P } from './generated/map-837p';
export { MAP_999 } from './generated/map-999';
export type { TxMapData } from './map-types';
export { readSegmentBatches, readSegments, stream835, type StreamEvent835 } from './node-stream';
export { isValidNpi } from './npi';
export type { Address, Adjustment } from './read-common';
export { read277ca, type Ack277, type ClaimAck, type ClaimStatus, type ServiceLineAck } from './read-277ca';
export * from './read-835';
export {
  read837p,
  type ClaimFile837,
  type ReadClaim837,
  type ReadLine837,
  type ReadParty,
  type ReadPriorPayer837,
} from './read-837p';
export {
  read999,
  type Ack999,
  type AckStatus,
  type ElementError,
  type SegmentError,
  type TransactionAck,
} from './read-999';
export {
  components,
  el,
  type Segment,
  type Separators,
  tokenize,
  type TokenizeResult,
  X12Tokenizer,
  type TokenizerOptions,
} from './tokenizer';
export {
  read277,
  write276,
  type ClaimStatusDetail,
  type ClaimStatusInquiry,
  type ClaimStatusLine,
  type ClaimStatusQuery,
  type ClaimStatusResponse,
  type ClaimStatusResult,
} from './claim-status';
export { CLAIM_STATUS_CATEGORIES, CLAIM_STATUS_CODES, describeStatus } from './claim-status-codes';
export * from './eligibility-codes';
export {
  read271,
  summarizeCoverage,
  type Benefit,
  type CostShare,
  type CoverageSummary,
  type DatePeriod,
  type EligibilityMember,
  type EligibilityResponse,
  type Rejection,
} from './read-271';
export { readTa1, type InterchangeAck } from './read-ta1';
export { type EligibilityInquiry, write270 } from './write-270';
export {
  TA1_NOTES,
  type Ack277caInput,
  type Ack999Input,
  type ClaimAckInput,
  type ClaimAckLineInput,
  type InterchangeAckStatus,
  type StatusInput,
  type Ta1Input,
  type TransactionAckInput,
  write277ca,
  write999,
  writeTa1,
} from './write-acks';
export {
  type ProviderAdjustmentInput,
  type RemitClaimInput,
  type RemitLineInput,
  type Remittance835Input,
  write835,
} from './write-835';
export type { ControlNumbers, EnvelopeInput, WriteResult } from './write-common';
export { TRANSACTION_KINDS, type TransactionKind, transactionKind } from './transactions';
export { checkEnvelopes, validate, type ValidationReport } from './validator';
export {
  MAX_DIAGNOSES,
  MAX_LINES,
  type ClaimRejection,
  type Problem,
  write837p,
  type Write837Result,
  type WriteOptions,
} from './write-837p';
