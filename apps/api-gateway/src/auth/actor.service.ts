import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Actor, Role } from '@claimline/contracts/common';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { GatewayEnv, SERVICE_NAME } from '../config/env';
import { StaffAssignmentEntity } from '../users/entities/staff-assignment.entity';
import { UserEntity } from '../users/entities/user.entity';
import { SessionEntity } from './entities/session.entity';
import { notifyUserChanged, SESSION_CHANNEL } from './sessions';

/** A change heard on the session channel: a session (`s`), a user (`u`), or possibly anything (`all`). */
export type SessionChange = { kind: 's' | 'u'; id: string } | { kind: 'all' };

interface ActorRow {
  active: boolean;
  role: Role;
  practice_id: string | null;
  assigned: string[];
}

/**
 * How long a resolved actor is reused. Changes do not wait for it: every change of a session or
 * user is announced on {@link SESSION_CHANNEL} and drops the entry on every replica; the TTL
 * only bounds what a lost notification could leave behind.
 */
const ACTOR_TTL_MS = 30_000;

/**
 * Resolves who a token's session is *now*: a logout, a deactivated user or a withdrawn
 * assignment takes effect on the next request, not when the token expires.
 */
@Injectable()
export class ActorService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Sessions');
  private readonly cache = new Map<string, { userId: string; actor: Actor | null; until: number }>();
  /** Bumped by every drop: a load that started before a drop must not be cached after it. */
  private generation = 0;
  /** Only while the LISTEN connection is up can a cached entry be trusted. */
  private listening = false;
  private listener: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;
  /** Told of every change this replica hears of (the realtime sockets re-check their sessions). */
  private readonly changeListeners = new Set<(change: SessionChange) => void>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: GatewayEnv,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen().catch((error: Error) => this.listenLater(error));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.listener?.end().catch(() => undefined);
  }

  async resolve(sessionId: string, userId: string): Promise<Actor | null> {
    const hit = this.cache.get(sessionId);
    if (hit && hit.until > Date.now() && hit.userId === userId) return hit.actor;
    const generation = this.generation;
    const actor = await this.load(sessionId, userId);
    if (this.listening && generation === this.generation) {
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(sessionId, { userId, actor, until: Date.now() + ACTOR_TTL_MS });
    }
    return actor;
  }

  /** Drops this replica's entries of a user at once; other replicas hear it through the notification. */
  forget(userId: string): void {
    this.generation++;
    for (const [sessionId, entry] of this.cache) if (entry.userId === userId) this.cache.delete(sessionId);
  }

  forgetSession(sessionId: string): void {
    this.generation++;
    this.cache.delete(sessionId);
  }

  /** Calls `listener` on every session or user change, and with `all` when notifications may have been missed. */
  onChange(listener: (change: SessionChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private changed(change: SessionChange): void {
    for (const listener of this.changeListeners) listener(change);
  }

  private async load(sessionId: string, userId: string): Promise<Actor | null> {
    // Set-based: one round trip on every cache miss, the assignments aggregated into an array.
    const rows = await rawSql<ActorRow>(
      this.db,
      'set-based',
      `SELECT u.active, u.role, u.practice_id,
              COALESCE(array_agg(a.practice_id) FILTER (WHERE a.practice_id IS NOT NULL), '{}') AS assigned
         FROM ${tableOf(this.db, SessionEntity)} s
         JOIN ${tableOf(this.db, UserEntity)} u ON u.id = s.user_id
         LEFT JOIN ${tableOf(this.db, StaffAssignmentEntity)} a ON a.user_id = u.id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL
        GROUP BY u.id`,
      [sessionId, userId],
    );
    const row = rows[0];
    if (!row || !row.active) return null;
    return { userId, role: row.role, practiceIds: practiceScope(row.role, row.practice_id, row.assigned) };
  }

  async assign(userId: string, practiceId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(StaffAssignmentEntity)
        .values({ userId, practiceId })
        .orIgnore()
        .execute();
      await notifyUserChanged(m, userId);
    });
    this.forget(userId);
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.env.DATABASE_URL,
      application_name: `${SERVICE_NAME}-sessions`,
    });
    const lost = (error?: Error) => {
      if (this.listener !== client) return;
      this.listener = null;
      this.drop();
      void client.end().catch(() => undefined);
      if (!this.stopped) this.listenLater(error ?? new Error('connection ended'));
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (n) => {
      const [kind, id] = (n.payload ?? '').split(':');
      if (kind === 's') this.forgetSession(id);
      else if (kind === 'u') this.forget(id);
      if (kind === 's' || kind === 'u') this.changed({ kind, id });
    });
    await client.connect();
    this.listener = client;
    await client.query(`LISTEN "${SESSION_CHANNEL}"`);
    // Whatever was cached before may have missed a notification.
    this.drop();
    this.listening = true;
    this.changed({ kind: 'all' });
  }

  private listenLater(error: Error): void {
    this.logger.warn(`session notifications: ${error.message}; sessions are read uncached until back`);
    this.retry = setTimeout(() => void this.listen().catch((e: Error) => this.listenLater(e)), 1000);
    this.retry.unref();
  }

  private drop(): void {
    this.listening = false;
    this.generation++;
    this.cache.clear();
  }
}

/** Admins see every practice; billing staff their assignments; practice users their practice. */
export function practiceScope(role: Role, practiceId: string | null, assigned: string[]): string[] | null {
  switch (role) {
    case 'admin':
      return null;
    case 'billing_staff':
      return assigned;
    default:
      return practiceId ? [practiceId] : [];
  }
}
