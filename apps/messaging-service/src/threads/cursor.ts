import { RpcError } from '@claimline/backend/util-nats';

/**
 * Opaque paging cursors: base64url of the sort key of the last item of a page, so the next page
 * starts strictly after it (stable under inserts, unlike offsets). A cursor that does not decode
 * is a 422 on `cursor`.
 */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): string[] {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = null;
  }
  if (
    !Array.isArray(parts) ||
    parts.length !== arity ||
    !parts.every((p) => typeof p === 'string' && p.length > 0 && p.length < 64)
  ) {
    throw RpcError.field('cursor', 'cursor', 'cursor must be the nextCursor of a previous page');
  }
  return parts as string[];
}

/** A thread cursor: when its newest message was posted (ISO) and its id. */
export function threadCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = decodeCursor(cursor, 2);
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw RpcError.field('cursor', 'cursor', 'cursor must be the nextCursor of a previous page');
  }
  return { at: date, id };
}

/** A message cursor: its sequence number. */
export function messageCursor(cursor: string): string {
  const [seq] = decodeCursor(cursor, 1);
  if (!/^[0-9]{1,19}$/.test(seq)) {
    throw RpcError.field('cursor', 'cursor', 'cursor must be the nextCursor of a previous page');
  }
  return seq;
}
