import { Inject, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { OnGatewayConnection, OnGatewayDisconnect, WebSocketGateway } from '@nestjs/websockets';
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { type Actor, canSeePractice, userPrincipal } from '@claimline/contracts/common';
import {
  REALTIME_AUTH_TIMEOUT_MS,
  REALTIME_PATH,
  RealtimeCloseCodes,
  type RealtimeServerFrame,
} from '@claimline/contracts/messaging';
import { ActorService, type SessionChange } from '../auth/actor.service';
import type { AccessTokenClaims } from '../auth/auth.types';
import { MESSAGING, type MessagingClient } from '../common/rpc';
import type { Push } from './push-routing';

/** One socket: unauthenticated until its first valid `auth` frame. */
interface Connection {
  socket: WebSocket;
  userId: string | null;
  sessionId: string | null;
  actor: Actor | null;
  /** Closes the socket when the token it last sent expires. */
  expiry?: NodeJS.Timeout;
  /** Frames are handled one after the other. */
  queue: Promise<void>;
}

/** A frame larger than this is refused by the socket (the only frame a client sends is its token). */
const MAX_CLIENT_FRAME_BYTES = 16 * 1024;
/** How often every socket's session is read again, bounding what a lost notification could leave open. */
const RECHECK_EVERY_MS = 30_000;
/** Unread counts of a user are fetched at most once per this interval, however many events arrive. */
const COUNTS_COALESCE_MS = 50;

/**
 * The messaging WebSocket endpoint (ADR 0026): plain WebSocket on the gateway's own HTTP server at
 * `/api/v1/realtime`. A socket authenticates with an `auth` frame holding the access token (not in
 * the URL, which proxies log), sends it again after every refresh, and is closed (4401) when the
 * token expires without one, when its session ends (signed out, deactivated: heard through the
 * gateway's session channel) or when it names another user. It subscribes to nothing: pushes are
 * addressed by the events to user ids, and sent only while the user still sees the practice.
 */
@WebSocketGateway({ path: REALTIME_PATH, maxPayload: MAX_CLIENT_FRAME_BYTES })
export class RealtimeGateway
  implements OnGatewayConnection, OnGatewayDisconnect, OnModuleInit, OnModuleDestroy
{
  private readonly logger = new Logger('Realtime');
  private readonly connections = new Map<WebSocket, Connection>();
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly pendingCounts = new Set<string>();
  private countsTimer: NodeJS.Timeout | undefined;
  private recheckTimer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly jwt: JwtService,
    private readonly actors: ActorService,
    @Inject(MESSAGING) private readonly messaging: MessagingClient,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.actors.onChange((change) => void this.recheck(change));
    this.recheckTimer = setInterval(() => void this.recheck({ kind: 'all' }), RECHECK_EVERY_MS);
    this.recheckTimer.unref();
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    clearInterval(this.recheckTimer);
    clearTimeout(this.countsTimer);
    for (const conn of this.connections.values()) clearTimeout(conn.expiry);
  }

  /** Sockets open on this replica, authenticated or not (metrics and tests). */
  get size(): number {
    return this.connections.size;
  }

  handleConnection(socket: WebSocket): void {
    const conn: Connection = { socket, userId: null, sessionId: null, actor: null, queue: Promise.resolve() };
    this.connections.set(socket, conn);
    conn.expiry = setTimeout(
      () => this.close(conn, RealtimeCloseCodes.authTimeout, 'Send {"type":"auth","token":…} first'),
      REALTIME_AUTH_TIMEOUT_MS,
    );
    socket.on('message', (data, isBinary) => {
      conn.queue = conn.queue.then(() => this.onFrame(conn, isBinary ? null : data.toString()));
    });
  }

  handleDisconnect(socket: WebSocket): void {
    const conn = this.connections.get(socket);
    if (!conn) return;
    clearTimeout(conn.expiry);
    this.connections.delete(socket);
    if (conn.userId) this.unregister(conn, conn.userId);
  }

  /** Sends a push to the sockets of its users on this replica; each user's counts follow shortly. */
  deliver(push: Push): void {
    const frame = JSON.stringify(push.frame);
    for (const userId of push.to)
      for (const conn of this.byUser.get(userId) ?? [])
        if (conn.actor && canSeePractice(conn.actor, push.practiceId)) conn.socket.send(frame);
    for (const userId of push.countsFor) if (this.byUser.has(userId)) this.pendingCounts.add(userId);
    if (this.pendingCounts.size > 0 && !this.countsTimer)
      this.countsTimer = setTimeout(() => void this.flushCounts(), COUNTS_COALESCE_MS);
  }

  private async onFrame(conn: Connection, text: string | null): Promise<void> {
    let frame: unknown;
    try {
      frame = text === null ? null : JSON.parse(text);
    } catch {
      frame = null;
    }
    const token = (frame as { type?: unknown; token?: unknown } | null)?.token;
    if (
      (frame as { type?: unknown } | null)?.type !== 'auth' ||
      typeof token !== 'string' ||
      token.length > 8192
    )
      return this.close(
        conn,
        RealtimeCloseCodes.badFrame,
        'Frames are {"type":"auth","token":"<access token>"}',
      );
    await this.authenticate(conn, token);
  }

  private async authenticate(conn: Connection, token: string): Promise<void> {
    let claims: AccessTokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync(token, { algorithms: ['HS256'] });
    } catch {
      return this.close(
        conn,
        RealtimeCloseCodes.unauthorized,
        'The access token is not valid or has expired',
      );
    }
    if (typeof claims.sid !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number')
      return this.close(conn, RealtimeCloseCodes.unauthorized, 'The access token is not valid');
    if (conn.userId !== null && conn.userId !== claims.sub)
      return this.close(conn, RealtimeCloseCodes.unauthorized, 'A socket stays with the user who opened it');
    const actor = await this.actors.resolve(claims.sid, claims.sub);
    if (!actor)
      return this.close(conn, RealtimeCloseCodes.unauthorized, 'This session has ended; sign in again');
    if (!this.connections.has(conn.socket)) return;
    const first = conn.userId === null;
    conn.userId = claims.sub;
    conn.sessionId = claims.sid;
    conn.actor = actor;
    clearTimeout(conn.expiry);
    conn.expiry = setTimeout(
      () =>
        this.close(conn, RealtimeCloseCodes.unauthorized, 'The access token expired; send the refreshed one'),
      Math.max(0, claims.exp * 1000 - Date.now()),
    );
    if (!first) return;
    let set = this.byUser.get(claims.sub);
    if (!set) this.byUser.set(claims.sub, (set = new Set()));
    set.add(conn);
    this.send(conn, { type: 'ready', userId: claims.sub });
    void this.sendCounts(claims.sub, [conn]);
  }

  /** Reads the sessions a change may concern again: an ended one closes its sockets, a changed scope applies. */
  private async recheck(change: SessionChange): Promise<void> {
    const affected = [...this.connections.values()].filter(
      (c) =>
        c.userId !== null &&
        (change.kind === 'all' ||
          (change.kind === 's' && c.sessionId === change.id) ||
          (change.kind === 'u' && c.userId === change.id)),
    );
    await Promise.all(
      affected.map(async (conn) => {
        const { sessionId, userId } = conn;
        if (!sessionId || !userId) return;
        try {
          const actor = await this.actors.resolve(sessionId, userId);
          if (!actor)
            this.close(conn, RealtimeCloseCodes.unauthorized, 'This session has ended; sign in again');
          else conn.actor = actor;
        } catch (error) {
          this.logger.warn(`session re-check: ${(error as Error).message}`);
        }
      }),
    );
  }

  private async flushCounts(): Promise<void> {
    this.countsTimer = undefined;
    const users = [...this.pendingCounts];
    this.pendingCounts.clear();
    await Promise.all(users.map((userId) => this.sendCounts(userId, [...(this.byUser.get(userId) ?? [])])));
  }

  /** The user's own counts, asked as that user (the service scopes them), to their sockets here. */
  private async sendCounts(userId: string, conns: Connection[]): Promise<void> {
    const actor = conns.find((c) => c.actor)?.actor;
    if (!actor) return;
    try {
      const counts = await this.messaging.send(
        'messaging.unread.counts',
        {},
        { principal: userPrincipal(actor), requestId: randomUUID() },
      );
      for (const conn of conns) this.send(conn, { type: 'unread', ...counts });
    } catch (error) {
      // The counts come again with the next event, and the console reads them on reconnect.
      this.logger.warn(`unread counts for a socket: ${(error as Error).message}`);
    }
  }

  private send(conn: Connection, frame: RealtimeServerFrame): void {
    if (conn.socket.readyState === conn.socket.OPEN) conn.socket.send(JSON.stringify(frame));
  }

  private close(conn: Connection, code: number, reason: string): void {
    clearTimeout(conn.expiry);
    if (conn.userId) this.unregister(conn, conn.userId);
    conn.actor = null;
    conn.socket.close(code, reason);
  }

  private unregister(conn: Connection, userId: string): void {
    const set = this.byUser.get(userId);
    set?.delete(conn);
    if (set?.size === 0) this.byUser.delete(userId);
  }
}
