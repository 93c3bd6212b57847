import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { SetBillingTypeBody, UnbilledAcrossParams, UnbilledListParams } from './unbilled.dto';

const fields = <T extends object>(cls: new () => T, plain: object) =>
  validateSync(plainToInstance(cls, plain) as object, { whitelist: true, forbidNonWhitelisted: true })
    .map((e) => e.property)
    .sort();

describe('unbilled list parameters', () => {
  it('takes every filter as a query string gives it', () => {
    expect(
      fields(UnbilledListParams, {
        clinicianId: '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f',
        payerId: '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f',
        from: '2026-03-01',
        to: '2026-03-31',
        readiness: 'missing_info',
        limit: '25',
        cursor: 'MjAyNi0wMy0wNHw3YjBj',
      }),
    ).toEqual([]);
  });

  it('names each parameter that is wrong', () => {
    expect(
      fields(UnbilledAcrossParams, {
        practiceId: 'x',
        clinicianId: 'x',
        payerId: 'x',
        from: '2026-13-01',
        to: 'today',
        readiness: 'soon',
        limit: '101',
        cursor: 'a b',
        page: '2',
      }),
    ).toEqual(['clinicianId', 'cursor', 'from', 'limit', 'page', 'payerId', 'practiceId', 'readiness', 'to']);
  });
});

describe('the self-pay switch', () => {
  it('needs a billing type, a reason of at least 3 characters and the version read', () => {
    expect(
      fields(SetBillingTypeBody, { billingType: 'self_pay', reason: 'Client pays', version: 3 }),
    ).toEqual([]);
    expect(fields(SetBillingTypeBody, { billingType: 'cash', reason: 'x' })).toEqual([
      'billingType',
      'reason',
      'version',
    ]);
  });
});
