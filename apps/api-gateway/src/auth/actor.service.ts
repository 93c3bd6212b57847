import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, Role } from '@claimline/contracts/common';

interface ActorRow {
  active: boolean;
  role: Role;
  practice_id: string | null;
  assigned: string[];
}

/**
 * Resolves who a token's user is *now*: a deactivated user or a withdrawn assignment takes
 * effect on the next request, not when the token expires.
 */
/** How long a resolved actor is reused: changes to a user reach every request within this time. */
const ACTOR_TTL_MS = 2000;

@Injectable()
export class ActorService {
  private readonly cache = new Map<string, { actor: Actor | null; until: number }>();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async resolve(userId: string): Promise<Actor | null> {
    const hit = this.cache.get(userId);
    if (hit && hit.until > Date.now()) return hit.actor;
    const actor = await this.load(userId);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(userId, { actor, until: Date.now() + ACTOR_TTL_MS });
    return actor;
  }

  forget(userId: string): void {
    this.cache.delete(userId);
  }

  private async load(userId: string): Promise<Actor | null> {
    const rows: ActorRow[] = await this.db.query(
      `SELECT u.active, u.role, u.practice_id,
              COALESCE(array_agg(a.practice_id) FILTER (WHERE a.practice_id IS NOT NULL), '{}') AS assigned
         FROM gateway.user_account u LEFT JOIN gateway.staff_assignment a ON a.user_id = u.id
        WHERE u.id = $1 GROUP BY u.id`,
      [userId],
    );
    const row = rows[0];
    if (!row || !row.active) return null;
    return { userId, role: row.role, practiceIds: practiceScope(row.role, row.practice_id, row.assigned) };
  }

  async assign(userId: string, practiceId: string): Promise<void> {
    await this.db.query(
      'INSERT INTO gateway.staff_assignment (user_id, practice_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [userId, practiceId],
    );
    this.forget(userId);
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
