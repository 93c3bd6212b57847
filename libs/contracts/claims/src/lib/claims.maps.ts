import type { Page } from '@claimline/contracts/common';
import {
  AppointmentRefDto,
  CreateAppointmentCommand,
  ListAppointmentsQuery,
  UpdateAppointmentCommand,
} from './dto/appointment.dto';
import { PracticeRefQuery, PutFeeScheduleCommand } from './dto/fee-schedule.dto';
import type { AppointmentView, FeeScheduleView } from './claims.views';
import { ListUnbilledQuery, SetBillingTypeCommand } from './dto/unbilled.dto';
import type { BillingTypeChangeView, UnbilledPage } from './unbilled.views';

/** Subject → request/response, so callers' `send` is type-checked against the handler. */
export interface ClaimsRpc {
  'claims.fee-schedule.get': { request: PracticeRefQuery; response: FeeScheduleView };
  'claims.fee-schedule.put': { request: PutFeeScheduleCommand; response: FeeScheduleView };
  'claims.appointment.create': { request: CreateAppointmentCommand; response: AppointmentView };
  'claims.appointment.get': { request: AppointmentRefDto; response: AppointmentView };
  'claims.appointment.list': { request: ListAppointmentsQuery; response: Page<AppointmentView> };
  'claims.appointment.update': { request: UpdateAppointmentCommand; response: AppointmentView };
  'claims.appointment.set-billing-type': { request: SetBillingTypeCommand; response: AppointmentView };
  'claims.billing-type-change.list': {
    request: AppointmentRefDto;
    response: { items: BillingTypeChangeView[] };
  };
  'claims.unbilled.list': { request: ListUnbilledQuery; response: UnbilledPage };
  'claims.health.ping': { request: Record<string, never>; response: { ok: true; service: string } };
}
