import { RpcError } from '@claimline/backend/util-nats';
import { compareKeys, decodeCursor, encodeCursor } from './unbilled-cursor';

const key = { serviceDate: '2026-03-04', id: '7b0c2f1e-4a5d-4c3b-9e2f-0a1b2c3d4e5f' };

describe('unbilled cursor', () => {
  it('reads back the key it wrote', () => {
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
  });

  it('is absent on the first page', () => {
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('refuses a cursor it did not write, naming the field', () => {
    let error: unknown = null;
    try {
      decodeCursor(Buffer.from('2026-03-04|not-an-id').toString('base64url'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).body).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'cursor', rule: 'cursor' }],
    });
  });

  it('orders newest date first, then by id', () => {
    const older = { ...key, serviceDate: '2026-03-01' };
    const sameDayLater = { ...key, id: 'ff0c2f1e-4a5d-4c3b-9e2f-0a1b2c3d4e5f' };
    expect([older, sameDayLater, key].sort(compareKeys)).toEqual([key, sameDayLater, older]);
  });
});
