import { RpcError } from '@claimline/backend/util-nats';

/** Where the unbilled list goes on: the last appointment a page looked at, in list order (date DESC, id ASC). */
export interface UnbilledKey {
  serviceDate: string;
  id: string;
}

const KEY = /^(\d{4}-\d{2}-\d{2})\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Opaque to callers (base64url), so the order it encodes can change without breaking their links. */
export function encodeCursor(key: UnbilledKey): string {
  return Buffer.from(`${key.serviceDate}|${key.id}`, 'utf8').toString('base64url');
}

/** A cursor that is not one of ours is a 422 on `cursor`, never a silent first page. */
export function decodeCursor(cursor: string | undefined): UnbilledKey | null {
  if (cursor === undefined) return null;
  const match = KEY.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw RpcError.field('cursor', 'cursor', 'cursor must be the nextCursor of a previous page');
  return { serviceDate: match[1], id: match[2] };
}

/** List order: newest date of service first, then id. */
export function compareKeys(x: UnbilledKey, y: UnbilledKey): number {
  if (x.serviceDate !== y.serviceDate) return x.serviceDate < y.serviceDate ? 1 : -1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}
