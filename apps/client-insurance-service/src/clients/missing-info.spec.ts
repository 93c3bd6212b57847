import { missingInfo, type ClientFacts, type PolicyFacts } from './missing-info';

const complete: ClientFacts = {
  id: 'c1',
  firstName: 'Ada',
  lastName: 'Byron',
  phone: '5125550100',
  hasAddress: true,
  birthDate: '1990-01-01',
  sex: 'F',
  billingType: 'insurance',
};
const noSubscriber = { firstName: null, lastName: null, birthDate: null, sex: null, hasAddress: false };
const primary: PolicyFacts = {
  order: 'primary',
  payerId: 'p1',
  hasMemberId: true,
  relationship: 'self',
  hasCardFront: true,
  subscriber: noSubscriber,
};
const fields = (client: ClientFacts, policies: PolicyFacts[]) =>
  missingInfo({ client, policies }).map((m) => m.field);

describe('missing information for billing', () => {
  it('finds nothing missing for a complete insurance client', () => {
    expect(missingInfo({ client: complete, policies: [primary] })).toEqual([]);
  });

  it('lists every missing profile field with where to fix it', () => {
    const empty: ClientFacts = {
      id: 'c2',
      firstName: ' ',
      lastName: null,
      phone: null,
      hasAddress: false,
      birthDate: null,
      sex: null,
      billingType: null,
    };
    const items = missingInfo({ client: empty, policies: [] });
    expect(items.map((m) => m.field)).toEqual([
      'firstName',
      'lastName',
      'phone',
      'address',
      'birthDate',
      'sex',
      'billingType',
    ]);
    expect(items[0]).toEqual({
      field: 'firstName',
      message: 'First name as shown on the insurance card is missing',
      fixAt: '/clients/c2/profile',
    });
    expect(items[6].fixAt).toBe('/clients/c2/insurance');
  });

  it('requires no insurance fields from a self-pay client', () => {
    expect(fields({ ...complete, billingType: 'self_pay' }, [])).toEqual([]);
  });

  it('requires a primary policy from an insurance client, even when a secondary exists', () => {
    expect(fields(complete, [])).toEqual(['insurance.primary']);
    expect(fields(complete, [{ ...primary, order: 'secondary' }])).toEqual(['insurance.primary']);
  });

  it('requires payer and member ID on each policy', () => {
    expect(fields(complete, [{ ...primary, payerId: null, hasMemberId: false }])).toEqual([
      'insurance.primary.payer',
      'insurance.primary.memberId',
    ]);
  });

  it('requires the subscriber’s data when the client is not the insured, field by field', () => {
    const child: PolicyFacts = {
      ...primary,
      relationship: 'child',
      subscriber: { ...noSubscriber, firstName: 'Maria', lastName: 'Lopez' },
    };
    const items = missingInfo({ client: complete, policies: [child] });
    expect(items.map((m) => m.field)).toEqual([
      'insurance.primary.subscriber.birthDate',
      'insurance.primary.subscriber.sex',
      'insurance.primary.subscriber.address',
    ]);
    expect(items[0].message).toBe('Primary insurance: the primary insured’s birth date is missing');
    const full = {
      firstName: 'Maria',
      lastName: 'Lopez',
      birthDate: '1980-01-01',
      sex: 'F',
      hasAddress: true,
    };
    expect(fields(complete, [{ ...child, subscriber: full }])).toEqual([]);
  });

  it('requires the front of the insurance card on file for each policy, after its other fields', () => {
    const items = missingInfo({
      client: complete,
      policies: [
        { ...primary, order: 'secondary', hasCardFront: false },
        { ...primary, hasMemberId: false, hasCardFront: false },
      ],
    });
    expect(items.map((m) => m.field)).toEqual([
      'insurance.primary.memberId',
      'insurance.primary.card',
      'insurance.secondary.card',
    ]);
    expect(items[1]).toEqual({
      field: 'insurance.primary.card',
      message: 'Primary insurance: the insurance card (front) is not on file',
      fixAt: '/clients/c1/insurance',
    });
    expect(fields({ ...complete, billingType: 'self_pay' }, [{ ...primary, hasCardFront: false }])).toEqual(
      [],
    );
  });
});
