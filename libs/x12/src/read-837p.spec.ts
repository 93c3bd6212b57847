import { fixture } from '../test/fixtures';
import { read837p } from './read-837p';

describe('read837p on the sample 837P files', () => {
  it('reads guide example 1: org billing, dependent patient (2000C), 4 lines', () => {
    const r = read837p(fixture('837p', 'demo.example1.837'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [file] = r.value;
    expect(file.batchId).toBe('244579');
    expect(file.submitter).toMatchObject({ name: 'PREMIER BILLING SERVICE', id: 'TGJ23' });
    const [c] = file.claims;
    expect(c).toMatchObject({
      id: '26463774',
      charge: 10000,
      placeOfService: '11',
      frequencyCode: '1',
      diagnoses: ['0340', 'V7389'],
      payToAddress: true,
    });
    expect(c.billingProvider).toMatchObject({
      entity: '2',
      name: 'BEN KILDARE SERVICE',
      id: '1912301953',
      taxIdQualifier: 'EI',
      taxId: '587654321',
      taxonomy: '203BF0100Y',
    });
    expect(c.subscriber).toMatchObject({
      name: 'SMITH',
      firstName: 'JANE',
      id: 'JS00111223333',
      payerResponsibility: 'P',
      claimFilingIndicator: 'CI',
    });
    expect(c.patient).toMatchObject({ name: 'SMITH', firstName: 'TED', relationship: '19' });
    expect(c.payer).toMatchObject({ name: 'KEY INSURANCE COMPANY', id: '999996666' });
    expect(c.lines.map((l) => [l.procedure, l.charge, l.units, l.serviceDate, l.diagnosisPointers])).toEqual([
      ['99213', 4000, 1, '2006-10-03', [1]],
      ['87070', 1500, 1, '2006-10-03', [1]],
      ['99214', 3500, 1, '2006-10-10', [2]],
      ['86663', 1000, 1, '2006-10-10', [2]],
    ]);
  });

  it('reads guide example 2 (service facility 2310C) and the COB example with its ">" separator', () => {
    const two = read837p(fixture('837p', 'demo.example2.837'));
    expect(two.ok && two.value[0].claims[0]).toMatchObject({
      id: '26462967',
      patient: undefined,
      serviceFacility: { name: 'KILDARE ASSOCIATES', id: '5812345679' },
    });
    const cob = read837p(fixture('837p', 'demo.cob.2ndary.example4.837'));
    expect(cob.ok && cob.value[0].claims[0]).toMatchObject({
      id: '125WILL',
      charge: 14550,
      placeOfService: '11',
      diagnoses: ['7215'],
      lines: [{ procedure: '98940', charge: 14550, lineId: '01' }],
    });
    expect(cob.findings.map((f) => f.code)).toContain('component-separator');
  });

  it('reads x12_valid.txt: two subscribers, RD8 service dates', () => {
    const r = read837p(fixture('837p', 'x12_valid.txt'));
    expect(
      r.ok &&
        r.value[0].claims.map((c) => [
          c.id,
          c.charge,
          c.subscriber.firstName,
          c.lines[0].procedure,
          c.lines[0].modifiers,
          c.lines[0].serviceDate,
        ]),
    ).toEqual([
      ['A37YH556', 50000, 'JOHN', '99211', ['25'], '2005-03-14'],
      ['A37YH667', 50000, 'DAVID', '478331', ['25'], '2005-03-22'],
    ]);
  });
});
