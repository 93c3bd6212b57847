import fc from 'fast-check';
import { Readable } from 'node:stream';
import { fixture, fixtureNames } from '../test/fixtures';
import { X12Error, type X12Result } from './errors';
import { MAP_835 } from './generated/map-835';
import { MAP_837P } from './generated/map-837p';
import { stream835 } from './node-stream';
import { read277ca } from './read-277ca';
import { read835 } from './read-835';
import { read837p } from './read-837p';
import { read999 } from './read-999';
import { tokenize } from './tokenizer';
import { validate } from './validator';

const samples = (['835', '999', '277ca', '837p'] as const).flatMap((k) =>
  fixtureNames(k).map((n) => fixture(k, n)),
);
const readers: [string, (s: string) => X12Result<unknown[]>][] = [
  ['835', read835],
  ['999', read999],
  ['277ca', read277ca],
  ['837p', read837p],
];

/** A sample with random edits: deletions, insertions of X12-ish noise, duplicated and swapped ranges. */
const mutated = fc
  .tuple(
    fc.constantFrom(...samples),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.constantFrom('delete', 'insert', 'duplicate', 'replace'),
        fc.string({
          unit: fc.constantFrom(
            '*',
            '~',
            ':',
            '|',
            '^',
            '\n',
            'A',
            '9',
            '.',
            '-',
            'ISA',
            'SE',
            'CLP*',
            'SVC*',
            'CAS*',
            'HL*',
            ' ',
            'é',
          ),
        }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([text, edits]) => {
    let s = text;
    for (const [at, len, kind, noise] of edits) {
      const i = at % (s.length + 1);
      if (kind === 'delete') s = s.slice(0, i) + s.slice(i + len);
      else if (kind === 'insert') s = s.slice(0, i) + noise + s.slice(i);
      else if (kind === 'duplicate') s = s.slice(0, i + len) + s.slice(i, i + len) + s.slice(i + len);
      else s = s.slice(0, i) + noise + s.slice(i + noise.length);
    }
    return s;
  });

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('I', 'S', 'A', '*', '~', ':', '\n', 'G', 'E', '0') }),
);

function wellFormed(r: X12Result<unknown[]>): void {
  if (r.ok) expect(Array.isArray(r.value)).toBe(true);
  else {
    expect(r.error).toBeInstanceOf(X12Error);
    expect(typeof r.error.message).toBe('string');
  }
  for (const f of r.findings) expect(typeof f.message).toBe('string');
}

describe('fuzz: readers never throw, only return errors', () => {
  it.each(readers)('%s reader on random text', (_, read) => {
    fc.assert(
      fc.property(anyText, (s) => wellFormed(read(s))),
      { numRuns: 300 },
    );
  });

  it.each(readers)('%s reader on mutated samples', (_, read) => {
    fc.assert(
      fc.property(mutated, (s) => wellFormed(read(s))),
      { numRuns: 400 },
    );
  });

  it('tokenizer and validator on mutated samples, as text and as bytes', () => {
    fc.assert(
      fc.property(mutated, (s) => {
        const t = tokenize(new TextEncoder().encode(s));
        if (t.error) expect(t.error.segmentNumber).toBeGreaterThan(0);
        expect(Array.isArray(validate(s, MAP_837P).findings)).toBe(true);
        expect(Array.isArray(validate(s, MAP_835).findings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('stream835 on mutated samples in random chunks ends normally or with an error event', async () => {
    await fc.assert(
      fc.asyncProperty(mutated, fc.integer({ min: 1, max: 64 }), async (s, size) => {
        const chunks: string[] = [];
        for (let i = 0; i < s.length; i += size) chunks.push(s.slice(i, i + size));
        let errors = 0;
        for await (const e of stream835(Readable.from(chunks))) if (e.kind === 'error') errors++;
        expect(errors).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });
});
