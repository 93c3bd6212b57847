import {
  type BillableAppointment,
  groupAppointmentsIntoClaims,
  paginateForCms1500,
  snapshotLines,
} from './claim-grouping';
import { parseLineControlNumber, patientControlNumber } from './control-numbers';

function appt(id: string, date: string, overrides: Partial<BillableAppointment> = {}): BillableAppointment {
  return {
    appointmentId: id,
    clientId: 'client-1',
    policyId: 'policy-1',
    renderingTeamMemberId: 'tm-1',
    billingProviderKey: 'org-1',
    locationId: 'loc-1',
    placeOfService: '11',
    serviceDate: date,
    diagnoses: ['F41.1'],
    services: [{ procedure: '90837', modifiers: [], units: 1, chargeCents: 15000, diagnosisPointers: [1] }],
    ...overrides,
  };
}

describe('grouping appointments into claims', () => {
  it('puts a client’s month with one clinician and payer on one claim, lines by date', () => {
    const { claims, unplaced } = groupAppointmentsIntoClaims([
      appt('a3', '2026-03-20'),
      appt('a1', '2026-03-06'),
      appt('a2', '2026-03-13'),
    ]);
    expect(unplaced).toEqual([]);
    expect(claims).toHaveLength(1);
    expect(claims[0].appointmentIds).toEqual(['a1', 'a2', 'a3']);
    expect(claims[0].lines.map((l) => l.serviceDate)).toEqual(['2026-03-06', '2026-03-13', '2026-03-20']);
  });

  it.each([
    ['client', { clientId: 'client-2' }],
    ['policy', { policyId: 'policy-2' }],
    ['rendering clinician', { renderingTeamMemberId: 'tm-2' }],
    ['billing provider', { billingProviderKey: 'tm-1-individual' }],
    ['location', { locationId: 'loc-2' }],
    ['place of service', { placeOfService: '10' }],
    ['calendar month', { serviceDate: '2026-04-01' }],
  ])('starts another claim for another %s', (_what, change) => {
    const { claims } = groupAppointmentsIntoClaims([
      appt('a1', '2026-03-06'),
      appt('a2', '2026-03-13', change),
    ]);
    expect(claims.map((c) => c.appointmentIds)).toEqual([['a1'], ['a2']]);
  });

  it('groups by day or by appointment when asked', () => {
    const list = [appt('a1', '2026-03-06'), appt('a2', '2026-03-06'), appt('a3', '2026-03-07')];
    expect(groupAppointmentsIntoClaims(list, { period: 'day' }).claims.map((c) => c.appointmentIds)).toEqual([
      ['a1', 'a2'],
      ['a3'],
    ]);
    expect(groupAppointmentsIntoClaims(list, { period: 'appointment' }).claims).toHaveLength(3);
  });

  it('splits at 50 lines without splitting an appointment', () => {
    const twoLines = {
      services: [
        { procedure: '90837', modifiers: [], units: 1, chargeCents: 15000, diagnosisPointers: [1] },
        { procedure: '90785', modifiers: [], units: 1, chargeCents: 2000, diagnosisPointers: [1] },
      ],
    };
    const list = Array.from({ length: 30 }, (_, i) =>
      appt(`a${String(i).padStart(2, '0')}`, '2026-03-10', twoLines),
    );
    const { claims } = groupAppointmentsIntoClaims(list, { period: 'month' });
    expect(claims.map((c) => c.lines.length)).toEqual([50, 10]);
    expect(claims[0].appointmentIds).toHaveLength(25);
    expect(groupAppointmentsIntoClaims(list, { maxLines: 7 }).claims.map((c) => c.lines.length)).toEqual([
      6, 6, 6, 6, 6, 6, 6, 6, 6, 6,
    ]);
  });

  it('merges diagnoses in the order met and re-points each line', () => {
    const { claims } = groupAppointmentsIntoClaims([
      appt('a1', '2026-03-06', { diagnoses: ['F41.1', 'F32.9'] }),
      appt('a2', '2026-03-13', {
        diagnoses: ['F43.10', 'f411'],
        services: [
          { procedure: '90834', modifiers: ['HO'], units: 1, chargeCents: 12000, diagnosisPointers: [2, 1] },
        ],
      }),
    ]);
    expect(claims[0].diagnoses).toEqual(['F411', 'F329', 'F4310']);
    expect(claims[0].lines[1]).toMatchObject({
      procedure: '90834',
      modifiers: ['HO'],
      diagnosisPointers: [1, 3],
    });
  });

  it('starts a further claim when the diagnoses would pass 12', () => {
    const list = Array.from({ length: 5 }, (_, i) =>
      appt(`a${i}`, '2026-03-1' + i, { diagnoses: [`F40.${i}0`, `F40.${i}1`, `F40.${i}2`] }),
    );
    const { claims } = groupAppointmentsIntoClaims(list);
    expect(claims.map((c) => c.diagnoses.length)).toEqual([12, 3]);
  });

  it('leaves out appointments that cannot be billed as they are, saying why', () => {
    const { claims, unplaced } = groupAppointmentsIntoClaims([
      appt('ok', '2026-03-06'),
      appt('none', '2026-03-06', { services: [] }),
      appt('nodx', '2026-03-06', { diagnoses: [] }),
      appt('ptr', '2026-03-06', {
        services: [{ procedure: '90837', modifiers: [], units: 1, chargeCents: 1, diagnosisPointers: [5] }],
      }),
    ]);
    expect(claims.map((c) => c.appointmentIds)).toEqual([['ok']]);
    expect(unplaced).toEqual([
      { appointmentId: 'nodx', code: 'grouping.no_diagnosis', message: 'The appointment has no diagnosis' },
      {
        appointmentId: 'none',
        code: 'grouping.no_service',
        message: 'The appointment has no service code to bill',
      },
      {
        appointmentId: 'ptr',
        code: 'grouping.pointer',
        message: 'Diagnosis pointer 5 of 90837 points at no diagnosis',
      },
    ]);
  });
});

describe('draft lines as snapshot lines', () => {
  it('number each line under the claim and keep what was billed', () => {
    const { claims } = groupAppointmentsIntoClaims([
      appt('a1', '2026-03-06', { minutes: 55 }),
      appt('a2', '2026-03-13', { diagnoses: ['F32.9', 'F41.1'] }),
    ]);
    const pcn = patientControlNumber(31);
    const lines = snapshotLines(claims[0], pcn);
    expect(
      lines.map((l) => [l.appointmentId, l.procedure, l.chargeCents, l.diagnosisPointers, l.minutes]),
    ).toEqual([
      ['a1', '90837', 15000, [1], 55],
      ['a2', '90837', 15000, [2], undefined],
    ]);
    expect(lines.map((l) => parseLineControlNumber(l.lineControlNumber))).toEqual([
      { patientControlNumber: pcn, sequence: 31, resubmission: 0, lineNumber: 1 },
      { patientControlNumber: pcn, sequence: 31, resubmission: 0, lineNumber: 2 },
    ]);
  });
});

describe('CMS-1500 pagination', () => {
  it('puts 6 lines on a page', () => {
    const lines = Array.from({ length: 14 }, (_, i) => i);
    expect(paginateForCms1500(lines).map((p) => p.length)).toEqual([6, 6, 2]);
    expect(paginateForCms1500(lines.slice(0, 6))).toHaveLength(1);
    expect(paginateForCms1500([])).toEqual([[]]);
  });
});
