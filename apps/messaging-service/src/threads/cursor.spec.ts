import { RpcError } from '@claimline/backend/util-nats';
import { encodeCursor, messageCursor, threadCursor } from './cursor';

describe('paging cursors', () => {
  it('round-trips a thread cursor and a message cursor', () => {
    const id = '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10';
    const at = '2026-12-03T15:00:00.123Z';
    expect(threadCursor(encodeCursor([at, id]))).toEqual({ at: new Date(at), id });
    expect(messageCursor(encodeCursor(['42']))).toBe('42');
  });

  it('refuses a cursor it did not give out, naming the field', () => {
    for (const bad of [
      'bm9wZQ',
      encodeCursor(['x']),
      encodeCursor(['not a date', 'x']),
      encodeCursor(['1; drop']),
    ]) {
      let error: unknown;
      try {
        if (bad === encodeCursor(['1; drop'])) messageCursor(bad);
        else threadCursor(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RpcError);
      expect((error as RpcError).body.errors?.[0].field).toBe('cursor');
    }
  });
});
