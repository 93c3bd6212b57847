import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Authorize, Caller } from '@claimline/backend/util-auth';
import { type Principal, ROLES } from '@claimline/contracts/common';
import {
  AppointmentRefDto,
  ClaimsSubjects as S,
  CreateAppointmentCommand,
  ListAppointmentsQuery,
  SetBillingTypeCommand,
  UNBILLED_ROLES,
  UpdateAppointmentCommand,
} from '@claimline/contracts/claims';
import { SERVICE_NAME } from '../config/env';

import { AppointmentsService } from './appointments.service';

/** Message handlers only: validation happens in the global pipe, rules in the service. */
@Controller()
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.appointmentCreate)
  create(@Caller() actor: Principal, @Payload('data') cmd: CreateAppointmentCommand) {
    return this.appointments.create(actor, cmd);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.appointmentGet)
  get(@Caller() _actor: Principal, @Payload('data') dto: AppointmentRefDto) {
    return this.appointments.get(dto.practiceId, dto.appointmentId);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.appointmentList)
  list(@Caller() _actor: Principal, @Payload('data') query: ListAppointmentsQuery) {
    return this.appointments.list(query);
  }

  @Authorize({ roles: ROLES, practice: 'practiceId' })
  @MessagePattern(S.appointmentUpdate)
  update(@Caller() actor: Principal, @Payload('data') cmd: UpdateAppointmentCommand) {
    return this.appointments.update(actor, cmd);
  }

  /** The self-pay switch and its reverse: those who bill for the practice and its owner. */
  @Authorize({ roles: UNBILLED_ROLES, practice: 'practiceId' })
  @MessagePattern(S.appointmentBillingTypeSet)
  setBillingType(@Caller() actor: Principal, @Payload('data') cmd: SetBillingTypeCommand) {
    return this.appointments.setBillingType(actor, cmd);
  }

  @Authorize({ roles: UNBILLED_ROLES, practice: 'practiceId' })
  @MessagePattern(S.billingTypeChangeList)
  billingTypeChanges(@Caller() _actor: Principal, @Payload('data') dto: AppointmentRefDto) {
    return this.appointments.billingTypeChanges(dto.practiceId, dto.appointmentId);
  }

  @Authorize({ services: ['api-gateway'] })
  @MessagePattern(S.healthPing)
  ping() {
    return { ok: true as const, service: SERVICE_NAME };
  }
}
