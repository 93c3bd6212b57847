import type { UnreadCountsView } from './messaging.views';

/**
 * The gateway's WebSocket endpoint for secure messaging (ADR 0026), under the API prefix. Plain
 * WebSocket frames of JSON; the browser's own `WebSocket` speaks it, no client library.
 */
export const REALTIME_PATH = '/api/v1/realtime';

/** How long a new socket has to send its first `auth` frame before it is closed (4408). */
export const REALTIME_AUTH_TIMEOUT_MS = 10_000;

/** Close codes the endpoint uses (4000–4999 are the application's). */
export const RealtimeCloseCodes = {
  /** No valid access token, the session ended (signed out, deactivated) or the token expired without a refresh. */
  unauthorized: 4401,
  /** A frame that is not one of {@link RealtimeClientFrame}. */
  badFrame: 4400,
  /** No `auth` frame within {@link REALTIME_AUTH_TIMEOUT_MS}. */
  authTimeout: 4408,
} as const;

/**
 * What a client sends: its access token first, and again after every refresh (same user only);
 * the socket closes when the token it last sent expires.
 */
export type RealtimeClientFrame = { type: 'auth'; token: string };

/**
 * What the gateway pushes: ids only (ADR 0015), never text; the client reads messages and threads
 * through the REST routes, which check and audit every read. `unread` is the user's own counts.
 */
export type RealtimeServerFrame =
  | { type: 'ready'; userId: string }
  | { type: 'thread.created'; practiceId: string; threadId: string }
  | {
      type: 'message.posted';
      practiceId: string;
      threadId: string;
      messageId: string;
      senderId: string;
      createdAt: string;
    }
  | { type: 'message.edited' | 'message.deleted'; practiceId: string; threadId: string; messageId: string }
  | { type: 'thread.read'; practiceId: string; threadId: string; userId: string; messageIds: string[] }
  | ({ type: 'unread' } & UnreadCountsView);
