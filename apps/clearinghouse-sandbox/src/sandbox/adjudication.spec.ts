import { adjudicate, type AdjudicatedClaim, COPAY_CENTS, DEDUCTIBLE_CENTS, pathOf } from './adjudication';

/** charge − paid = the adjustments, on every line (what an 835 must show). */
function expectBalanced(c: AdjudicatedClaim) {
  for (const l of c.lines) expect(l.charge - l.paid).toBe(l.adjustments.reduce((s, a) => s + a.amount, 0));
  expect(c.paid).toBe(c.lines.reduce((s, l) => s + l.paid, 0));
}

describe('sandbox adjudication', () => {
  it('chooses the path from the member ID prefix, whatever the case', () => {
    expect(pathOf('REJ001')).toBe('rejected');
    expect(pathOf('den-7')).toBe('denied');
    expect(pathOf('PART42')).toBe('partial');
    expect(pathOf('DED1')).toBe('deductible');
    expect(pathOf('COP1')).toBe('copay');
    expect(pathOf('XJ12345678')).toBe('paid');
  });

  it('pays 80 % allowed less 20 % coinsurance by default', () => {
    const c = adjudicate('XJ1', [{ charge: 15050 }]);
    // allowed 12040; CO-45 3010; coinsurance 2408; paid 9632
    expect(c.lines[0]).toEqual({
      charge: 15050,
      allowed: 12040,
      paid: 9632,
      adjustments: [
        { group: 'CO', reason: '45', amount: 3010 },
        { group: 'PR', reason: '2', amount: 2408 },
      ],
      remarks: [],
    });
    expect(c).toMatchObject({ statusCode: '1', charge: 15050, paid: 9632, patientResponsibility: 2408 });
    expectBalanced(c);
  });

  it('denies every line of a DEN member with CO-96 and remark N130', () => {
    const c = adjudicate('DEN9', [{ charge: 10000 }, { charge: 5000 }]);
    expect(c).toMatchObject({ statusCode: '4', paid: 0, patientResponsibility: 0 });
    expect(c.lines.map((l) => l.adjustments)).toEqual([
      [{ group: 'CO', reason: '96', amount: 10000 }],
      [{ group: 'CO', reason: '96', amount: 5000 }],
    ]);
    expect(c.lines.every((l) => l.remarks[0] === 'N130')).toBe(true);
    expectBalanced(c);
  });

  it('pays only the first line of a PART member, the others CO-97 with M15', () => {
    const c = adjudicate('PART1', [{ charge: 10000 }, { charge: 10000 }]);
    expect(c.lines[0].paid).toBe(6400);
    expect(c.lines[1]).toMatchObject({ paid: 0, remarks: ['M15'] });
    expect(c.lines[1].adjustments).toContainEqual({ group: 'CO', reason: '97', amount: 8000 });
    expect(c.statusCode).toBe('1');
    expectBalanced(c);
  });

  it('cuts half the allowed amount of a one-line PART claim (CO-119)', () => {
    const c = adjudicate('PART1', [{ charge: 10000 }]);
    // allowed 8000, cut 4000, coinsurance 800, paid 3200
    expect(c.lines[0].adjustments).toContainEqual({ group: 'CO', reason: '119', amount: 4000 });
    expect(c.paid).toBe(3200);
    expectBalanced(c);
  });

  it('takes the deductible first, across the lines of a DED claim', () => {
    const c = adjudicate('DED1', [{ charge: 10000 }, { charge: 10000 }]);
    // allowed 8000 each; deductible 8000 + 2000; coinsurance 0 then 1200
    expect(c.lines[0].adjustments).toContainEqual({ group: 'PR', reason: '1', amount: 8000 });
    expect(c.lines[1].adjustments).toContainEqual({
      group: 'PR',
      reason: '1',
      amount: DEDUCTIBLE_CENTS - 8000,
    });
    expect(c.patientResponsibility).toBe(DEDUCTIBLE_CENTS + 1200);
    expect(c.paid).toBe(16000 - DEDUCTIBLE_CENTS - 1200);
    expectBalanced(c);
  });

  it('charges a copay per line to a COP member, never more than allowed', () => {
    const c = adjudicate('COP1', [{ charge: 10000 }, { charge: 1000 }]);
    expect(c.lines[0].adjustments).toContainEqual({ group: 'PR', reason: '3', amount: COPAY_CENTS });
    expect(c.lines[1].adjustments).toContainEqual({ group: 'PR', reason: '3', amount: 800 });
    expect(c.lines[1].paid).toBe(0);
    expectBalanced(c);
  });

  it('never adjudicates a claim rejected at acknowledgment', () => {
    expect(() => adjudicate('REJ1', [{ charge: 100 }])).toThrow(RangeError);
  });
});
