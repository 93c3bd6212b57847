import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { CreateAppointmentBody, UpdateAppointmentBody } from './dto/appointment.dto';
import { PutFeeScheduleBody } from './dto/fee-schedule.dto';
import { ClaimsEventTypes, ClaimsSubjects } from './claims.subjects';

const flatten = (errors: ValidationError[], prefix = ''): { field: string; message: string }[] =>
  errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((message) => ({ field: `${prefix}${e.property}`, message })),
    ...flatten(e.children ?? [], `${prefix}${e.property}.`),
  ]);

const problems = <T extends object>(cls: new () => T, plain: object) =>
  flatten(
    validateSync(plainToInstance(cls, plain) as object, { whitelist: true, forbidNonWhitelisted: true }),
  );

const id = '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f';
const appointment = {
  clientId: id,
  renderingTeamMemberId: id,
  serviceDate: '2026-11-03',
  startTime: '09:00',
  minutes: 53,
  placeOfService: '10',
  diagnoses: ['F43.10'],
  lines: [{ procedure: '90837', modifiers: ['95'], units: 1, diagnosisPointers: [1] }],
  attendance: 'attended',
  billingType: 'insurance',
};

describe('claims contract', () => {
  it('names request-reply subjects <service>.<entity>.<verb> and events claims.<entity>.<past>', () => {
    for (const subject of Object.values(ClaimsSubjects))
      expect(subject).toMatch(/^claims\.[a-z-]+\.[a-z-]+$/);
    for (const type of Object.values(ClaimsEventTypes)) expect(type).toMatch(/^claims\.[a-z-]+\.[a-z-]+d$/);
  });

  it('accepts a telehealth appointment whose fee comes from the schedule', () => {
    expect(problems(CreateAppointmentBody, appointment)).toEqual([]);
  });

  it('names the field of each refusal, nested lines included', () => {
    const fields = problems(CreateAppointmentBody, {
      ...appointment,
      serviceDate: '2026-13-01',
      startTime: '9am',
      diagnoses: [],
      lines: [
        { procedure: '9083', modifiers: ['95', '59', 'HO', 'GT', 'XE'], units: 0, diagnosisPointers: [] },
      ],
      attendance: 'cancelled',
      billingType: 'cash',
    }).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'serviceDate',
        'startTime',
        'diagnoses',
        'lines.0.procedure',
        'lines.0.modifiers',
        'lines.0.units',
        'lines.0.diagnosisPointers',
        'attendance',
        'billingType',
      ]),
    );
  });

  it('refuses more than 12 diagnoses and a fee that is not whole cents', () => {
    expect(
      problems(CreateAppointmentBody, { ...appointment, diagnoses: Array(13).fill('F43.10') }).map(
        (p) => p.field,
      ),
    ).toEqual(['diagnoses']);
    expect(
      problems(CreateAppointmentBody, {
        ...appointment,
        lines: [{ ...appointment.lines[0], feeCents: 150.5 }],
      }),
    ).toEqual([{ field: 'lines.0.feeCents', message: 'feeCents must be a whole number of cents' }]);
  });

  it('needs the version read to update, nothing else', () => {
    expect(problems(UpdateAppointmentBody, { version: 1, attendance: 'no_show' })).toEqual([]);
    expect(new Set(problems(UpdateAppointmentBody, { attendance: 'no_show' }).map((p) => p.field))).toEqual(
      new Set(['version']),
    );
  });

  it('takes a fee schedule of procedure + modifiers → cents', () => {
    expect(
      problems(PutFeeScheduleBody, {
        version: 0,
        entries: [
          { procedure: '90837', modifiers: [], feeCents: 15000 },
          { procedure: 'H0031', modifiers: ['HO'], feeCents: 9000 },
        ],
      }),
    ).toEqual([]);
    expect(
      problems(PutFeeScheduleBody, {
        version: 0,
        entries: [{ procedure: '90837', modifiers: ['9'], feeCents: -1 }],
      }).map((p) => p.field),
    ).toEqual(['entries.0.modifiers', 'entries.0.feeCents']);
  });
});
