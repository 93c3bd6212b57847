import { Body, Controller, Get, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateAppointmentBody,
  ListAppointmentsParams,
  UpdateAppointmentBody,
} from '@claimline/contracts/claims';
import { Audit } from '../audit/audit.decorator';
import { UuidParam } from '../common/params';
import { CLAIMS, ClaimsClient } from '../common/rpc';
import { InPractice, type PracticeCall } from '../common/in-practice';

/** Appointments of a practice (PHI: every read and change is audited). */
@ApiTags('appointments')
@ApiBearerAuth()
@Controller('practices/:practiceId/appointments')
export class AppointmentsController {
  constructor(@Inject(CLAIMS) private readonly claims: ClaimsClient) {}

  @Get()
  @Audit({ resource: 'appointment', action: 'list' })
  @ApiOperation({
    summary:
      'Appointments of the practice, newest date of service first; `from`/`to` (inclusive) and `clientId` filter',
  })
  list(@InPractice() { practiceId, rpc }: PracticeCall, @Query() query: ListAppointmentsParams) {
    return this.claims.send('claims.appointment.list', { ...query, practiceId }, rpc);
  }

  @Post()
  @Audit({ resource: 'appointment', action: 'create' })
  @ApiOperation({
    summary:
      'Record an appointment; a line without `feeCents` is priced from the fee schedule (422 names every field to correct)',
  })
  create(@InPractice() { practiceId, rpc }: PracticeCall, @Body() body: CreateAppointmentBody) {
    return this.claims.send('claims.appointment.create', { ...body, practiceId }, rpc);
  }

  @Get(':appointmentId')
  @Audit({ resource: 'appointment', action: 'read', idParam: 'appointmentId' })
  get(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('appointmentId', UuidParam) appointmentId: string,
  ) {
    return this.claims.send('claims.appointment.get', { practiceId, appointmentId }, rpc);
  }

  @Patch(':appointmentId')
  @Audit({ resource: 'appointment', action: 'update', idParam: 'appointmentId' })
  @ApiOperation({
    summary:
      'Change an appointment (`diagnoses` and `lines` replace the lists); send the `version` you read (409 if it moved on)',
  })
  update(
    @InPractice() { practiceId, rpc }: PracticeCall,
    @Param('appointmentId', UuidParam) appointmentId: string,
    @Body() body: UpdateAppointmentBody,
  ) {
    return this.claims.send('claims.appointment.update', { ...body, practiceId, appointmentId }, rpc);
  }
}
