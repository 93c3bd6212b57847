import { fixture } from '../test/fixtures';
import { MAP_835 } from './generated/map-835';
import { MAP_999 } from './generated/map-999';
import { read277ca } from './read-277ca';
import { read835 } from './read-835';
import { read837p } from './read-837p';
import { read999 } from './read-999';
import { validate } from './validator';

const accepted277 = fixture('277ca', 'x12_277CA_accepted.txt');

describe('transactions are recognised by ST01 and GS08/ST03', () => {
  it('refuses a 277 claim status response (X212) given to read277ca, by name', () => {
    const x212 = accepted277.replace(/005010X214/g, '005010X212');
    const r = read277ca(x212);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain('277 claim status response (005010X212)');
    expect(r.error.message).toContain('not a 277CA claim acknowledgment');
    expect(r.error.segmentId).toBe('ST');
  });

  it('takes ST03 over GS08 and refuses an 837I given to read837p', () => {
    const base = fixture('837p', 'x12_valid.txt');
    const institutional = base.replace(/005010X222A1/g, '005010X223A2');
    const r = read837p(institutional);
    expect(!r.ok && r.error.message).toContain('837I institutional claim');
    const stOnly = base.replace('ST*837*987654*005010X222A1', 'ST*837*987654*005010X223A2');
    expect(read837p(stOnly).ok).toBe(false);
  });

  it('names the transaction when ST01 is another set', () => {
    const r = read835(fixture('999', 'x12_999_accepted.txt'));
    expect(!r.ok && r.error.message).toContain('999 implementation acknowledgment');
  });

  it('still reads the guides it knows, whatever the addenda', () => {
    expect(read277ca(accepted277).ok).toBe(true);
    expect(read837p(fixture('837p', 'demo.example1.837')).ok).toBe(true);
  });
});

describe('a UTF-8 byte-order mark before ISA', () => {
  it('is skipped in a string input by the readers and the validator', () => {
    const text = '\uFEFF' + fixture('835', 'profee.edi');
    const r = read835(text);
    expect(r.ok).toBe(true);
    expect(validate(text, MAP_835).findings).toEqual(validate(text.slice(1), MAP_835).findings);
    expect(read999('\uFEFF' + fixture('999', 'x12_999_rejected.txt')).ok).toBe(true);
  });
});

describe('TA1 right after ISA', () => {
  const base = fixture('999', 'x12_999_rejected.txt');
  const isaEnd = base.indexOf('GS*');
  const ta1 = 'TA1*000000001*110311*0958*A*000~\n';
  const withTa1 = base.slice(0, isaEnd) + ta1 + base.slice(isaEnd);

  it('is read, not refused', () => {
    const r = read999(withTa1);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value[0].transactions[0].controlNumber).toBe('0028');
  });

  it('is valid for the validator between ISA and GS, and not elsewhere', () => {
    expect(validate(withTa1, MAP_999).findings).toEqual([]);
    const late = base.replace('ST*999', 'TA1*000000001*110311*0958*A*000~\nST*999');
    expect(validate(late, MAP_999).findings.map((f) => f.code)).toContain('unexpected-segment');
  });
});
