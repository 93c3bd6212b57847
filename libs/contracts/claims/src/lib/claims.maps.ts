import type { ClaimPayerStatusResult, ClaimPayerStatusView } from './claim-status-inquiry.views';
import type { Page } from '@claimline/contracts/common';
import {
  AppointmentRefDto,
  CreateAppointmentCommand,
  ListAppointmentsQuery,
  UpdateAppointmentCommand,
} from './dto/appointment.dto';
import { PracticeRefQuery, PutFeeScheduleCommand } from './dto/fee-schedule.dto';
import {
  CommitAppointmentImportCommand,
  PreviewAppointmentImportCommand,
} from './dto/appointment-import.dto';
import type { AppointmentImportPreview, AppointmentImportResult } from './appointment-import.views';
import type { AppointmentView, FeeScheduleView } from './claims.views';
import {
  ClaimRefDto,
  Claims837Query,
  Cms1500Query,
  CreateClaimsCommand,
  FileOutsideCommand,
  ListClaimsQuery,
  ScrubClaimCommand,
  VoidClaimCommand,
} from './dto/claim.dto';
import type {
  ClaimFileView,
  ClaimPage,
  ClaimRemittanceRefView,
  ClaimView,
  CreateClaimsResult,
} from './claim.views';
import { ListUnbilledQuery, SetBillingTypeCommand } from './dto/unbilled.dto';
import type { SubmissionRpc } from './submission.dto';
import type { BillingTypeChangeView, UnbilledPage } from './unbilled.views';

/** Subject → request/response, so callers' `send` is type-checked against the handler. */
export interface ClaimsRpc extends SubmissionRpc {
  'claims.fee-schedule.get': { request: PracticeRefQuery; response: FeeScheduleView };
  'claims.fee-schedule.put': { request: PutFeeScheduleCommand; response: FeeScheduleView };
  'claims.appointment.create': { request: CreateAppointmentCommand; response: AppointmentView };
  'claims.appointment.get': { request: AppointmentRefDto; response: AppointmentView };
  'claims.appointment.list': { request: ListAppointmentsQuery; response: Page<AppointmentView> };
  'claims.appointment.update': { request: UpdateAppointmentCommand; response: AppointmentView };
  'claims.appointment-import.preview': {
    request: PreviewAppointmentImportCommand;
    response: AppointmentImportPreview;
  };
  'claims.appointment-import.commit': {
    request: CommitAppointmentImportCommand;
    response: AppointmentImportResult;
  };
  'claims.appointment.set-billing-type': { request: SetBillingTypeCommand; response: AppointmentView };
  'claims.billing-type-change.list': {
    request: AppointmentRefDto;
    response: { items: BillingTypeChangeView[] };
  };
  'claims.unbilled.list': { request: ListUnbilledQuery; response: UnbilledPage };
  'claims.health.ping': { request: Record<string, never>; response: { ok: true; service: string } };
  'claims.claim.create-from-appointments': { request: CreateClaimsCommand; response: CreateClaimsResult };
  'claims.claim.get': { request: ClaimRefDto; response: ClaimView };
  'claims.claim.remittance-ref': { request: ClaimRefDto; response: ClaimRemittanceRefView };
  'claims.claim.status-inquire': { request: ClaimRefDto; response: ClaimPayerStatusView };
  'claims.claim.payer-status': { request: ClaimRefDto; response: ClaimPayerStatusResult };
  'claims.claim.list': { request: ListClaimsQuery; response: ClaimPage };
  'claims.claim.scrub': { request: ScrubClaimCommand; response: ClaimView };
  'claims.claim.void': { request: VoidClaimCommand; response: ClaimView };
  'claims.claim.print': { request: Cms1500Query; response: ClaimFileView };
  'claims.claim.export': { request: Claims837Query; response: ClaimFileView };
  'claims.appointment.file-outside': { request: FileOutsideCommand; response: ClaimView };
}
