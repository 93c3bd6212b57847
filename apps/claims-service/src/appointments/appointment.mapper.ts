import type { AppointmentChangedEvent, AppointmentView } from '@claimline/contracts/claims';
import { findDiagnosis } from '@claimline/reference-data';
import { AppointmentEntity } from './entities/appointment.entity';
import { AppointmentLineEntity } from './entities/appointment-line.entity';

export function toAppointmentView(a: AppointmentEntity, lines: AppointmentLineEntity[]): AppointmentView {
  return {
    id: a.id,
    practiceId: a.practiceId,
    clientId: a.clientId,
    renderingTeamMemberId: a.renderingTeamMemberId,
    renderingNpi: a.renderingNpi,
    serviceDate: a.serviceDate,
    startTime: a.startTime,
    minutes: a.minutes,
    locationId: a.locationId,
    placeOfService: a.placeOfService,
    diagnoses: a.diagnoses.map((code) => findDiagnosis(code)?.display ?? code),
    lines: [...lines]
      .sort((x, y) => x.position - y.position)
      .map((l) => ({
        procedure: l.procedure,
        modifiers: l.modifiers,
        units: l.units,
        feeCents: l.feeCents,
        feeSource: l.feeSource,
        diagnosisPointers: l.diagnosisPointers,
      })),
    attendance: a.attendance,
    billingType: a.billingType,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function toAppointmentEvent(view: AppointmentView, changed: string[]): AppointmentChangedEvent {
  return {
    id: view.id,
    practiceId: view.practiceId,
    clientId: view.clientId,
    renderingTeamMemberId: view.renderingTeamMemberId,
    attendance: view.attendance,
    billingType: view.billingType,
    version: view.version,
    updatedAt: view.updatedAt,
    changed,
  };
}
