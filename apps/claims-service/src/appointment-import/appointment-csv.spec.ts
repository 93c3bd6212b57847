import {
  cents,
  columnOf,
  CsvFileError,
  isoDate,
  readAppointmentsCsv,
  toRowProblems,
} from './appointment-csv';

const client = '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f';
const clinician = '7a2b3c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d';
const header =
  'client_id,clinician_id,date,start_time,minutes,place_of_service,location_id,diagnoses,procedure,modifiers,units,fee,diagnosis_pointers,attendance,billing_type';

describe('readAppointmentsCsv', () => {
  it('reads a row into the body appointment.create takes, with a spreadsheet’s leniency', () => {
    const rows = readAppointmentsCsv(
      `\uFEFF${header}\r\n${client.toUpperCase()},${clinician},11/3/2026,9:00,53,2,,"F43.10; F41.1",90837,95,,$160.00,,No-show,Self-pay\r\n`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].row).toBe(2);
    expect(rows[0].problems).toEqual([]);
    expect(rows[0].body).toEqual({
      clientId: client,
      renderingTeamMemberId: clinician,
      serviceDate: '2026-11-03',
      startTime: '09:00',
      minutes: 53,
      locationId: null,
      placeOfService: '02',
      diagnoses: ['F43.10', 'F41.1'],
      lines: [
        { procedure: '90837', modifiers: ['95'], units: 1, feeCents: 16000, diagnosisPointers: [1, 2] },
      ],
      attendance: 'no_show',
      billingType: 'self_pay',
    });
  });

  it('takes the columns in any order, leaves out the optional ones, keeps the row numbers of blank rows', () => {
    const rows = readAppointmentsCsv(
      [
        'Procedure,Diagnoses,Minutes,Start Time,Date,Place of Service,Clinician ID,Client ID',
        `90834,F32.1,45,14:30,2026-11-04,11,${clinician},${client}`,
        ',,,,,,,',
        `90837,F32.1,60,15:30,2026-11-05,11,${clinician},${client}`,
      ].join('\n'),
    );
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rows[1].body).toMatchObject({
      serviceDate: '2026-11-05',
      attendance: 'attended',
      billingType: 'insurance',
      lines: [{ procedure: '90837', modifiers: [], units: 1, diagnosisPointers: [1] }],
    });
    expect(rows[1].body.lines[0]).not.toHaveProperty('feeCents');
  });

  it('names the column of a cell it cannot read', () => {
    const [row] = readAppointmentsCsv(
      `${header}\n${client},${clinician},2026-11-03,09:00,an hour,11,,F43.10,90837,,two,150.5.0,x,,`,
    );
    expect(row.problems.map((p) => p.column)).toEqual(['minutes', 'units', 'fee', 'diagnosis_pointers']);
  });

  it('refuses a file it cannot import at all: unknown, missing or doubled columns, a broken quote, no header', () => {
    expect(() => readAppointmentsCsv('client,clinician_id\n')).toThrow(/Unknown column client:/);
    expect(() => readAppointmentsCsv('client_id,clinician_id\n')).toThrow(/has no date, start_time/);
    expect(() => readAppointmentsCsv(`${header},date\n`)).toThrow(/date is named twice/);
    expect(() => readAppointmentsCsv(`${header}\n"unclosed,`)).toThrow(CsvFileError);
    expect(() => readAppointmentsCsv('\n\n')).toThrow(/empty/);
  });
});

describe('columns of the appointment’s field errors', () => {
  it('maps each field of appointment.create to its column', () => {
    expect(columnOf('lines.0.feeCents')).toBe('fee');
    expect(columnOf('lines.0.modifiers')).toBe('modifiers');
    expect(columnOf('diagnoses.1')).toBe('diagnoses');
    expect(columnOf('renderingTeamMemberId')).toBe('clinician_id');
    expect(columnOf('somethingElse')).toBe('row');
    expect(
      toRowProblems([
        { field: 'diagnoses.0', rule: 'a', message: 'm' },
        { field: 'diagnoses.0', rule: 'b', message: 'm' },
      ]),
    ).toEqual([{ column: 'diagnoses', message: 'm' }]);
  });

  it('reads dollars and US dates', () => {
    expect(cents('150')).toBe(15000);
    expect(cents('$1,150.5')).toBe(115050);
    expect(cents('1.505')).toBeNull();
    expect(isoDate('1/2/2027')).toBe('2027-01-02');
    expect(isoDate('2027-01-02')).toBe('2027-01-02');
  });
});
