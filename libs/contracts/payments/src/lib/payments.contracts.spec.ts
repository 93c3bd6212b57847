import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ImportEraCommand, ResolveUnmatchedBody } from './dto/payments.dto';
import type { PaymentsRpc } from './payments.maps';
import { PaymentsEventTypes, PaymentsSubjects } from './payments.subjects';

const id = '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10';
const fields = (errors: ValidationError[]) => errors.map((e) => e.property).sort();
const check = <T extends object>(cls: new () => T, plain: object) =>
  validateSync(plainToInstance(cls, plain), { whitelist: true, forbidNonWhitelisted: true });

describe('payments contracts', () => {
  it('names every subject under the service and in the typed map', () => {
    const subjects = Object.values(PaymentsSubjects);
    for (const s of subjects) expect(s.startsWith('payments.')).toBe(true);
    const rpc: Record<keyof PaymentsRpc, true> = Object.fromEntries(subjects.map((s) => [s, true])) as never;
    expect(Object.keys(rpc).sort()).toEqual([...subjects].sort());
    for (const t of Object.values(PaymentsEventTypes)) expect(t.startsWith('payments.')).toBe(true);
  });

  it('takes an upload by its transfer object and a plain file name', () => {
    expect(
      check(ImportEraCommand, { practiceId: id, transferObject: `upload/${id}`, fileName: ' era.835 ' }),
    ).toEqual([]);
    expect(
      fields(
        check(ImportEraCommand, { practiceId: 'x', transferObject: 'download/x', fileName: '../etc/passwd' }),
      ),
    ).toEqual(['fileName', 'practiceId', 'transferObject']);
  });

  it('needs a claim to match by hand, none to post as unapplied', () => {
    expect(check(ResolveUnmatchedBody, { action: 'unapplied' })).toEqual([]);
    expect(check(ResolveUnmatchedBody, { action: 'match', claimId: id })).toEqual([]);
    expect(fields(check(ResolveUnmatchedBody, { action: 'match' }))).toEqual(['claimId']);
    expect(fields(check(ResolveUnmatchedBody, { action: 'refund' }))).toEqual(['action']);
  });
});
