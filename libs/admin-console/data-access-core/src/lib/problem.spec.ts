import { fieldMessages, toProblem } from './problem';

describe('toProblem', () => {
  it('reads detail, field errors and the current version of a problem document', () => {
    const p = toProblem({
      status: 422,
      error: {
        title: 'Validation failed',
        detail: 'npi: NPI check digit is wrong',
        errors: [{ field: 'npi', rule: 'isNpi', message: 'NPI check digit is wrong' }, { bogus: true }],
        currentVersion: 3,
      },
    });
    expect(p).toMatchObject({
      status: 422,
      title: 'Validation failed',
      detail: 'npi: NPI check digit is wrong',
      currentVersion: 3,
    });
    expect(p.errors).toEqual([{ field: 'npi', rule: 'isNpi', message: 'NPI check digit is wrong' }]);
  });

  it('parses a problem sent as text and falls back to words by status', () => {
    expect(toProblem({ status: 404, error: '{"detail":"Practice not found"}' }).detail).toBe(
      'Practice not found',
    );
    expect(toProblem({ status: 0, error: new Error('x') }).detail).toMatch(/could not be reached/);
    expect(toProblem({ status: 500 }).detail).toMatch(/on our side/);
    expect(toProblem(undefined).status).toBe(0);
  });
});

describe('fieldMessages', () => {
  it('keys messages by field, keeps the first per field and strips a prefix', () => {
    const p = toProblem({
      status: 422,
      error: {
        errors: [
          { field: 'billingProfile.taxId', rule: 'a', message: 'first' },
          { field: 'billingProfile.taxId', rule: 'b', message: 'second' },
          { field: 'name', rule: 'c', message: 'name msg' },
        ],
      },
    });
    expect(fieldMessages(p)).toEqual({ 'billingProfile.taxId': 'first', name: 'name msg' });
    expect(fieldMessages(p, 'billingProfile.')).toEqual({ taxId: 'first' });
  });
});
