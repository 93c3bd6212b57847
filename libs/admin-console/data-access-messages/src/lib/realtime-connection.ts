import { REALTIME_PATH, RealtimeCloseCodes } from '@claimline/contracts/messaging/plain';

/** The socket's address on the page's own origin (the gateway serves the console, or the dev proxy forwards). */
export function realtimeUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${REALTIME_PATH}`;
}

/** How long to wait before the `attempt`-th reconnection (1, 2, 4 … 30 s), with up to 20 % jitter. */
export function reconnectDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 + 0.2 * random()));
}

/** What to do when the socket closed with `code`: fetch a fresh token first, or just wait and reconnect. */
export function afterClose(code: number): 'refresh' | 'reconnect' {
  return code === RealtimeCloseCodes.unauthorized ? 'refresh' : 'reconnect';
}
