import { AsyncLocalStorage } from 'node:async_hooks';

// Lives beside the outbox (not in util-service, which depends on this library) so that Outbox.add
// can stamp the request id itself instead of every call site passing it.

interface RequestScope {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with the request id of the message being handled (for logs and outbox rows). */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
