import { rpcError } from './rpc-error';

describe('rpcError', () => {
  it('returns the body of the error the call failed with', async () => {
    const body = { code: 'validation_failed' as const, message: 'name is required' };
    await expect(rpcError(Promise.reject(Object.assign(new Error('refused'), { body })))).resolves.toEqual(
      body,
    );
  });

  it('fails when the call succeeds', async () => {
    await expect(rpcError(Promise.resolve({ id: 'p-1' }))).rejects.toThrow(
      'expected the call to fail, it answered {"id":"p-1"}',
    );
  });

  it('rethrows a failure without a body (a timeout is not an answer)', async () => {
    await expect(rpcError(Promise.reject(new Error('TIMEOUT')))).rejects.toThrow('TIMEOUT');
  });
});
