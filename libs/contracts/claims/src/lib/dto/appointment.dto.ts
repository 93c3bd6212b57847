import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { BILLING_TYPES, type BillingType } from '@claimline/domain';
import { PageQueryDto } from '@claimline/contracts/common';
import {
  ATTENDANCES,
  MAX_DIAGNOSES,
  MAX_DIAGNOSIS_POINTERS,
  MAX_MODIFIERS,
  MAX_SERVICE_LINES,
  type Attendance,
} from '../claims.subjects';
import { MAX_FEE_CENTS, MODIFIER_PATTERN, PROCEDURE_PATTERN } from './fee-schedule.dto';

export type {
  AppointmentView,
  FeeScheduleEntryView,
  FeeScheduleView,
  ServiceLineView,
} from '../claims.views';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** 16 hours: longer than any session, short enough to catch minutes typed as seconds. */
const MAX_MINUTES = 960;

export class ServiceLineInput {
  @IsString()
  @Matches(PROCEDURE_PATTERN, { message: 'procedure must be a CPT or HCPCS code of 5 characters' })
  procedure: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MODIFIERS, { message: `modifiers must be at most ${MAX_MODIFIERS}` })
  @Matches(MODIFIER_PATTERN, { each: true, message: 'each modifier must be 2 letters or digits' })
  modifiers?: string[];

  @IsInt({ message: 'units must be a whole number' })
  @Min(1, { message: 'units must be at least 1' })
  @Max(99)
  units: number;

  /** Overrides the fee schedule; left out, the fee comes from the schedule (422 when it has none). */
  @IsOptional()
  @IsInt({ message: 'feeCents must be a whole number of cents' })
  @Min(0)
  @Max(MAX_FEE_CENTS)
  feeCents?: number;

  @IsArray()
  @ArrayMinSize(1, { message: 'diagnosisPointers must point at 1 to 4 diagnoses' })
  @ArrayMaxSize(MAX_DIAGNOSIS_POINTERS, { message: 'diagnosisPointers must point at 1 to 4 diagnoses' })
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_DIAGNOSES, { each: true })
  diagnosisPointers: number[];
}

/** POST body. Rules across fields (pointers, telehealth, fees, client, clinician) are the service's. */
export class CreateAppointmentBody {
  @IsUUID()
  clientId: string;

  @IsUUID()
  renderingTeamMemberId: string;

  @Matches(DATE, { message: 'serviceDate must be a date written YYYY-MM-DD' })
  serviceDate: string;

  @Matches(TIME, { message: 'startTime must be HH:MM (24-hour)' })
  startTime: string;

  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  minutes: number;

  /** Required for an office place of service; left out (or null) for telehealth. */
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  locationId?: string | null;

  @Matches(/^\d{2}$/, { message: 'placeOfService must be a 2-digit CMS place of service code' })
  placeOfService: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'diagnoses must list 1 to 12 ICD-10-CM codes' })
  @ArrayMaxSize(MAX_DIAGNOSES, { message: 'diagnoses must list 1 to 12 ICD-10-CM codes' })
  @IsString({ each: true })
  diagnoses: string[];

  @IsArray()
  @ArrayMinSize(1, { message: `lines must hold 1 to ${MAX_SERVICE_LINES} services` })
  @ArrayMaxSize(MAX_SERVICE_LINES, { message: `lines must hold 1 to ${MAX_SERVICE_LINES} services` })
  @ValidateNested({ each: true })
  @Type(() => ServiceLineInput)
  lines: ServiceLineInput[];

  @IsIn(ATTENDANCES, { message: 'attendance must be attended, no_show or late_cancel' })
  attendance: Attendance;

  @IsIn(BILLING_TYPES, { message: 'billingType must be insurance or self_pay' })
  billingType: BillingType;
}

export class CreateAppointmentCommand extends CreateAppointmentBody {
  @IsUUID()
  practiceId: string;
}

/** PATCH body: the version read and any fields to change (`diagnoses` and `lines` replace the lists). */
export class UpdateAppointmentBody {
  @IsInt()
  @Min(1)
  version: number;

  @IsOptional()
  @IsUUID()
  clientId?: string;

  @IsOptional()
  @IsUUID()
  renderingTeamMemberId?: string;

  @IsOptional()
  @Matches(DATE, { message: 'serviceDate must be a date written YYYY-MM-DD' })
  serviceDate?: string;

  @IsOptional()
  @Matches(TIME, { message: 'startTime must be HH:MM (24-hour)' })
  startTime?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_MINUTES)
  minutes?: number;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  locationId?: string | null;

  @IsOptional()
  @Matches(/^\d{2}$/, { message: 'placeOfService must be a 2-digit CMS place of service code' })
  placeOfService?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'diagnoses must list 1 to 12 ICD-10-CM codes' })
  @ArrayMaxSize(MAX_DIAGNOSES, { message: 'diagnoses must list 1 to 12 ICD-10-CM codes' })
  @IsString({ each: true })
  diagnoses?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: `lines must hold 1 to ${MAX_SERVICE_LINES} services` })
  @ArrayMaxSize(MAX_SERVICE_LINES, { message: `lines must hold 1 to ${MAX_SERVICE_LINES} services` })
  @ValidateNested({ each: true })
  @Type(() => ServiceLineInput)
  lines?: ServiceLineInput[];

  @IsOptional()
  @IsIn(ATTENDANCES, { message: 'attendance must be attended, no_show or late_cancel' })
  attendance?: Attendance;

  @IsOptional()
  @IsIn(BILLING_TYPES, { message: 'billingType must be insurance or self_pay' })
  billingType?: BillingType;
}

export class UpdateAppointmentCommand extends UpdateAppointmentBody {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  appointmentId: string;
}

export class AppointmentRefDto {
  @IsUUID()
  practiceId: string;

  @IsUUID()
  appointmentId: string;
}

/** `?from=&to=&clientId=&renderingTeamMemberId=&limit=&offset=`; dates of service inclusive. */
export class ListAppointmentsParams extends PageQueryDto {
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date written YYYY-MM-DD' })
  from?: string;

  @IsOptional()
  @Matches(DATE, { message: 'to must be a date written YYYY-MM-DD' })
  to?: string;

  @IsOptional()
  @IsUUID()
  clientId?: string;

  /** The rendering clinician (a team member). */
  @IsOptional()
  @IsUUID()
  renderingTeamMemberId?: string;
}

export class ListAppointmentsQuery extends ListAppointmentsParams {
  @IsUUID()
  practiceId: string;
}
