import { EntityManager } from 'typeorm';
import type { PracticeChangedEvent, TeamMemberChangedEvent } from '@claimline/contracts/practice-settings';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { MemberRefEntity } from './entities/member-ref.entity';
import { PracticeRefEntity } from './entities/practice-ref.entity';

/**
 * The read model of practice-settings' Secure Messaging switches. Versions only move forward, so
 * a late or repeated event never overwrites a newer one; a removed member stays as a tombstone so
 * a late "updated" does not bring it back. Raw upserts: the version guard and the tombstone are a
 * WHERE on the conflict update, which TypeORM's upsert cannot say.
 */
export async function applyPractice(m: EntityManager, data: PracticeChangedEvent): Promise<void> {
  const p = data.practice;
  await rawSql(
    m,
    'upsert',
    `INSERT INTO ${tableOf(m, PracticeRefEntity)} ("practice_id", "secure_messaging_enabled", "version") VALUES ($1, $2, $3)
     ON CONFLICT ("practice_id") DO UPDATE SET "secure_messaging_enabled" = EXCLUDED."secure_messaging_enabled", "version" = EXCLUDED."version"
     WHERE "practice_ref"."version" < EXCLUDED."version"`,
    [p.id, p.secureMessagingEnabled, p.version],
  );
}

export async function applyMember(m: EntityManager, data: TeamMemberChangedEvent): Promise<void> {
  const t = data.member;
  await rawSql(
    m,
    'upsert',
    `INSERT INTO ${tableOf(m, MemberRefEntity)} ("member_id", "practice_id", "email", "secure_messaging_enabled", "version") VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ("member_id") DO UPDATE SET "email" = EXCLUDED."email", "secure_messaging_enabled" = EXCLUDED."secure_messaging_enabled", "version" = EXCLUDED."version"
     WHERE "member_ref"."version" < EXCLUDED."version" AND NOT "member_ref"."removed"`,
    [t.id, t.practiceId, t.email.trim().toLowerCase(), t.secureMessagingEnabled, t.version],
  );
}

export async function removeMember(
  m: EntityManager,
  data: { practiceId: string; memberId: string },
): Promise<void> {
  await rawSql(
    m,
    'upsert',
    `INSERT INTO ${tableOf(m, MemberRefEntity)} ("member_id", "practice_id", "email", "secure_messaging_enabled", "version", "removed") VALUES ($1, $2, '', false, 0, true)
     ON CONFLICT ("member_id") DO UPDATE SET "removed" = true`,
    [data.memberId, data.practiceId],
  );
}

/** Whether the practice has Secure Messaging on (false while practice-settings' event has not arrived). */
export async function practiceMessagingOn(m: EntityManager, practiceId: string): Promise<boolean> {
  const row = await m.findOneBy(PracticeRefEntity, { practiceId });
  return row?.secureMessagingEnabled ?? false;
}

/**
 * Whether a practice-side user (matched to a team member by sign-in address) has Secure
 * Messaging on. A practice user who is no team member of the practice has no switch: off.
 */
export async function memberMessagingOn(
  m: EntityManager,
  practiceId: string,
  email: string,
): Promise<boolean> {
  return m.exists(MemberRefEntity, {
    where: { practiceId, email: email.trim().toLowerCase(), removed: false, secureMessagingEnabled: true },
  });
}
