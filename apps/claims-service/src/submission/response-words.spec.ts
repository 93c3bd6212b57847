import { outcomeOf277, rejected999Words, responseKinds } from './response-words';

const isa = (id: string) =>
  `ISA*00*          *00*          *ZZ*SANDBOXCH      *ZZ*CLAIMLINE      *261203*1200*^*00501*000000042*0*T*:~${id}`;

describe('response words', () => {
  it('tells TA1, 999 and 277CA files apart by their segments, and an unreadable one', () => {
    expect(responseKinds(isa('TA1*000000007*261203*1200*R*024~IEA*0*000000042~'))).toEqual(['TA1']);
    expect(responseKinds(isa('GS*FA*X*Y*20261203*1200*42*X*005010X231A1~ST*999*0001~SE*2*0001~'))).toEqual([
      '999',
    ]);
    expect(responseKinds(isa('GS*HN*X*Y*20261203*1200*42*X*005010X214~ST*277*0001~'))).toEqual(['277CA']);
    expect(responseKinds('hello')).toEqual(['unknown']);
    expect(responseKinds(isa('GS*HP*X~ST*835*0001~'))).toEqual(['unknown']);
  });

  it('names the segment and element a 999 refused, in words', () => {
    const words = rejected999Words('CLAIMLINE_000000042.837.999', {
      setId: '837',
      controlNumber: '0002',
      status: 'rejected',
      statusCode: 'R',
      errorCodes: ['5'],
      segmentErrors: [
        {
          segmentId: 'NM1',
          position: 14,
          loopId: '2010BA',
          code: '8',
          elementErrors: [{ position: 9, code: '1' }],
        },
      ],
    });
    expect(words).toBe(
      "The clearinghouse rejected the claim's transaction 0002 in CLAIMLINE_000000042.837.999 (999): " +
        'segment NM1 (segment 14 of the transaction, loop 2010BA): the segment has errors in its elements; ' +
        'element NM109: a required element is missing',
    );
  });

  it('reads 277CA categories as received, accepted or rejected', () => {
    expect(outcomeOf277('A1')).toBe('received');
    expect(outcomeOf277('A2')).toBe('accepted');
    expect(outcomeOf277('A3')).toBe('rejected');
    expect(outcomeOf277('A7')).toBe('rejected');
    expect(outcomeOf277(undefined)).toBe('rejected');
  });
});
