import { changedFields } from './practice.mapper';

describe('changedFields', () => {
  it('lists only keys whose values differ, comparing nested objects by value', () => {
    const current = { name: 'A', phone: '1', address: { line1: 'x', city: 'y' } };
    expect(changedFields(current, { name: 'A', phone: '2', address: { line1: 'x', city: 'y' } })).toEqual([
      'phone',
    ]);
    expect(changedFields(current, { address: { line1: 'z', city: 'y' }, email: undefined })).toEqual([
      'address',
    ]);
  });
});
