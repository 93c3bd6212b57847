import { EntityManager } from 'typeorm';
import type { PracticeChangedEvent, TeamMemberChangedEvent } from '@claimline/contracts/practice-settings';
import type { NotificationKind, RecipientSource } from '@claimline/contracts/notifications';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { RecipientPreferenceEntity } from '../preferences/entities/recipient-preference.entity';
import { PracticeRefEntity } from './entities/practice-ref.entity';
import { TeamMemberRefEntity } from './entities/team-member-ref.entity';

/**
 * The read model of practice-settings this service keeps: each practice's name and e-mail, and
 * its team members' e-mail and role. Versions only move forward, so a late or repeated event
 * never overwrites a newer one; a removed member stays as a tombstone so a late "updated" does
 * not bring it back. Raw upserts: the version guard and the tombstone are a WHERE on the conflict
 * update, which TypeORM's upsert cannot say.
 */
export async function applyPractice(m: EntityManager, data: PracticeChangedEvent): Promise<void> {
  const p = data.practice;
  await rawSql(
    m,
    'upsert',
    `INSERT INTO ${tableOf(m, PracticeRefEntity)} ("practice_id", "name", "email", "version") VALUES ($1, $2, $3, $4)
     ON CONFLICT ("practice_id") DO UPDATE SET "name" = EXCLUDED."name", "email" = EXCLUDED."email", "version" = EXCLUDED."version"
     WHERE "practice_ref"."version" < EXCLUDED."version"`,
    [p.id, p.name, p.email ? p.email.trim().toLowerCase() : null, p.version],
  );
}

export async function applyMember(m: EntityManager, data: TeamMemberChangedEvent): Promise<void> {
  const t = data.member;
  await rawSql(
    m,
    'upsert',
    `INSERT INTO ${tableOf(m, TeamMemberRefEntity)} ("member_id", "practice_id", "email", "role", "version") VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ("member_id") DO UPDATE SET "email" = EXCLUDED."email", "role" = EXCLUDED."role", "version" = EXCLUDED."version"
     WHERE "team_member_ref"."version" < EXCLUDED."version" AND NOT "team_member_ref"."removed"`,
    [t.id, t.practiceId, t.email.trim().toLowerCase(), t.role, t.version],
  );
}

export async function removeMember(
  m: EntityManager,
  data: { practiceId: string; memberId: string },
): Promise<void> {
  await rawSql(
    m,
    'upsert',
    `INSERT INTO ${tableOf(m, TeamMemberRefEntity)} ("member_id", "practice_id", "email", "role", "version", "removed") VALUES ($1, $2, '', 'removed', 0, true)
     ON CONFLICT ("member_id") DO UPDATE SET "removed" = true`,
    [data.memberId, data.practiceId],
  );
}

export interface PracticeRef {
  practiceId: string;
  name: string;
}

export interface Recipient {
  email: string;
  sources: RecipientSource[];
}

export async function practiceRef(m: EntityManager, practiceId: string): Promise<PracticeRef | null> {
  const practice = await m.findOneBy(PracticeRefEntity, { practiceId });
  return practice ? { practiceId, name: practice.name } : null;
}

/**
 * The practice's owners (team members with role `owner`) and the practice e-mail, one entry per
 * address (case-insensitive), owners first.
 */
export async function practiceRecipients(m: EntityManager, practiceId: string): Promise<Recipient[]> {
  // In a transaction the queries share one connection, so they run one after the other.
  const owners = await m.find(TeamMemberRefEntity, {
    where: { practiceId, role: 'owner', removed: false },
    order: { email: 'ASC' },
  });
  const practice = await m.findOneBy(PracticeRefEntity, { practiceId });
  const rows: { email: string; source: RecipientSource }[] = [
    ...owners.map((o) => ({ email: o.email, source: 'owner' as const })),
    ...(practice?.email ? [{ email: practice.email, source: 'practice' as const }] : []),
  ];
  const byEmail = new Map<string, Recipient>();
  for (const row of rows) {
    const entry = byEmail.get(row.email) ?? { email: row.email, sources: [] };
    if (!entry.sources.includes(row.source)) entry.sources.push(row.source);
    byEmail.set(row.email, entry);
  }
  return [...byEmail.values()];
}

/** Addresses of the practice that switched this kind off. */
export async function optedOut(
  m: EntityManager,
  practiceId: string,
  kind: NotificationKind,
): Promise<Set<string>> {
  const rows = await m.find(RecipientPreferenceEntity, { where: { practiceId, kind, enabled: false } });
  return new Set(rows.map((r) => r.email));
}
