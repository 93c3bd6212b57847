import { appointmentProblems, type AppointmentFacts } from './appointment-rules';

const office: AppointmentFacts = {
  serviceDate: '2026-11-03',
  placeOfService: '11',
  locationId: '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f',
  diagnoses: ['F43.10', 'F41.1'],
  lines: [{ procedure: '90837', modifiers: ['HO'], diagnosisPointers: [1, 2] }],
};
const fields = (a: AppointmentFacts) => appointmentProblems(a).map((p) => `${p.field}:${p.rule}`);

describe('appointmentProblems', () => {
  it('accepts an office psychotherapy session with two diagnoses', () => {
    expect(appointmentProblems(office)).toEqual([]);
  });

  it('needs modifier 95 or 93 on every line of a telehealth appointment, and no location', () => {
    const telehealth = { ...office, placeOfService: '10', locationId: null };
    expect(fields(telehealth)).toEqual(['lines.0.modifiers:telehealth']);
    expect(fields({ ...telehealth, lines: [{ ...office.lines[0], modifiers: ['93'] }] })).toEqual([]);
    expect(fields({ ...office, locationId: null })).toEqual(['locationId:required']);
  });

  it('refuses unknown and heading diagnoses, and a code listed twice', () => {
    expect(fields({ ...office, diagnoses: ['F43.1', 'Z99.99', 'F41.1', 'F411'] })).toEqual([
      'diagnoses.0:diagnosis.not_billable',
      'diagnoses.1:diagnosis.unknown',
      'diagnoses.3:duplicate',
    ]);
  });

  it('keeps diagnosis pointers within the diagnoses', () => {
    expect(fields({ ...office, lines: [{ procedure: '90837', diagnosisPointers: [1, 3] }] })).toEqual([
      'lines.0.diagnosisPointers:pointer',
    ]);
  });

  it('refuses unknown procedure codes and modifiers, an unknown place of service and an add-on alone', () => {
    expect(
      fields({
        ...office,
        placeOfService: '98',
        lines: [
          { procedure: '12345', modifiers: ['ZZ'], diagnosisPointers: [1] },
          { procedure: '90785', diagnosisPointers: [1] },
        ],
      }),
    ).toEqual([
      'placeOfService:place_of_service',
      'lines.0.procedure:procedure',
      'lines.0.modifiers:modifier',
      'lines.1.procedure:add_on',
    ]);
    expect(
      fields({
        ...office,
        lines: [...office.lines, { procedure: '90785', diagnosisPointers: [1] }],
      }),
    ).toEqual([]);
  });
});
