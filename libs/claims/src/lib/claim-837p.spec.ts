import { MAP_837P, read837p, validate } from '@claimline/x12';
import { CONFIG, line, snapshot } from '../../test/snapshots';
import { buildClaimBatch837, groupByBillingProvider, snapshotToClaim837, writeClaims837 } from './claim-837p';
import { patientControlNumber } from './control-numbers';

const HEADER = { batchId: 'B000123', createdAt: new Date('2026-10-15T16:00:00Z') };

describe('snapshot → 837P', () => {
  const own = snapshot(1);
  const childPcn = patientControlNumber(2);
  const child = snapshot(2, {
    subscriber: {
      lastName: 'Roe',
      firstName: 'Pat',
      memberId: 'MEM998877',
      birthDate: '1970-01-30',
      sex: 'M',
      address: { line1: '9 Birch Rd', city: 'Salem', state: 'OR', postalCode: '97301' },
    },
    patient: {
      ...own.patient,
      lastName: 'Roe',
      firstName: 'Kim',
      birthDate: '2012-06-01',
      relationshipToSubscriber: 'child',
    },
    diagnoses: ['F4310', 'F411', 'F329'],
    lines: [
      line(childPcn, 1, {
        procedure: '90834',
        modifiers: ['95', 'HO'],
        placeOfService: '10',
        chargeCents: 12000,
        diagnosisPointers: [1, 2, 3],
      }),
      line(childPcn, 2, { procedure: '90785', placeOfService: '10', chargeCents: 2525, units: 1 }),
    ],
    authorization: undefined,
    serviceFacility: undefined,
  });

  it('writes an 837P the guide validator accepts and the reader reads back as the snapshot said', () => {
    const result = writeClaims837([own, child], CONFIG, HEADER, { lineBreak: '\n' });
    expect(result.batchProblems).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.written).toEqual([own.patientControlNumber, childPcn]);
    const x12 = result.x12 as string;
    const errors = validate(x12, MAP_837P).findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);

    const read = read837p(x12);
    if (!read.ok) throw new Error(read.error.message);
    const [file] = read.value;
    expect(file.batchId).toBe('B000123');
    const [a, b] = file.claims;

    expect(a.id).toBe(own.patientControlNumber);
    expect(a.billingProvider).toMatchObject({
      id: '1234567893',
      taxIdQualifier: 'EI',
      taxId: '123456789',
      taxonomy: '101YP2500X',
    });
    expect(a.renderingProvider?.id).toBe('1245319599');
    expect(a.serviceFacility?.id).toBe('1234567893');
    expect(a.subscriber).toMatchObject({
      id: 'XJ12345678',
      relationship: '18',
      payerResponsibility: 'P',
      claimFilingIndicator: 'CI',
    });
    expect(a.patient).toBeUndefined();
    expect(a.payer.id).toBe('60054');
    expect(a.priorAuthorization).toBe('AUTH-778');
    expect(a.placeOfService).toBe('11');
    expect(a.diagnoses).toEqual(['F411', 'F329']);
    expect(a.charge).toBe(30100);
    expect(
      a.lines.map((l) => [l.procedure, l.charge, l.units, l.serviceDate, l.diagnosisPointers, l.lineId]),
    ).toEqual([
      ['90837', 15050, 1, '2026-09-04', [1], own.lines[0].lineControlNumber],
      ['90837', 15050, 1, '2026-09-11', [1, 2], own.lines[1].lineControlNumber],
    ]);

    expect(b.id).toBe(childPcn);
    expect(b.subscriber).toMatchObject({ id: 'MEM998877', relationship: '' });
    expect(b.patient).toMatchObject({ relationship: '19', name: 'ROE', firstName: 'KIM' });
    expect(b.placeOfService).toBe('10');
    expect(b.priorAuthorization).toBeUndefined();
    expect(b.serviceFacility).toBeUndefined();
    expect(b.diagnoses).toEqual(['F4310', 'F411', 'F329']);
    expect(b.charge).toBe(14525);
    expect(b.lines.map((l) => [l.procedure, l.modifiers, l.charge, l.diagnosisPointers, l.lineId])).toEqual([
      ['90834', ['95', 'HO'], 12000, [1, 2, 3], child.lines[0].lineControlNumber],
      ['90785', [], 2525, [1], child.lines[1].lineControlNumber],
    ]);
  });

  it('bills an individual clinician as a person with an SSN when the billing profile says so', () => {
    const solo = snapshot(3, {
      billingProvider: {
        billAs: 'individual',
        name: 'Smith',
        firstName: 'Alex',
        npi: '1245319599',
        taxId: { kind: 'ssn', value: '123-45-6789' },
        address: { line1: '1 Pine St', city: 'Bend', state: 'OR', postalCode: '977011234' },
      },
    });
    const batch = buildClaimBatch837([solo], CONFIG, HEADER);
    expect(batch.billingProvider).toMatchObject({
      entity: 'person',
      name: 'Smith',
      firstName: 'Alex',
      taxId: { kind: 'SSN' },
    });
    const result = writeClaims837([solo], CONFIG, HEADER);
    const read = read837p(result.x12 as string);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value[0].claims[0].billingProvider).toMatchObject({
      entity: '1',
      id: '1245319599',
      taxIdQualifier: 'SY',
      taxId: '123456789',
    });
  });

  it('carries a replacement claim’s frequency and original claim number', () => {
    const claim = snapshotToClaim837(snapshot(4, { frequencyCode: '7', originalClaimNumber: 'PAYER-55' }));
    expect(claim).toMatchObject({ frequencyCode: '7', originalClaimNumber: 'PAYER-55' });
  });

  it('keeps one billing provider per batch', () => {
    const other = snapshot(5, { billingProvider: { ...snapshot().billingProvider, npi: '1245319599' } });
    expect(
      groupByBillingProvider([snapshot(1), other, snapshot(6)]).map((g) => g.map((s) => s.claimId)),
    ).toEqual([['claim-1', 'claim-6'], ['claim-5']]);
    expect(() => buildClaimBatch837([snapshot(1), other], CONFIG, HEADER)).toThrow(
      /another billing provider/,
    );
  });

  it('lets the writer refuse a broken claim and still write the others', () => {
    const broken = snapshot(7, { subscriber: { ...snapshot().subscriber, memberId: '' } });
    const result = writeClaims837([snapshot(1), broken], CONFIG, HEADER);
    expect(result.written).toEqual([snapshot(1).patientControlNumber]);
    expect(result.rejected[0].problems.map((p) => p.field)).toContain('claims[1].subscriber.memberId');
  });
});
