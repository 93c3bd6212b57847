import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import type { Principal } from '@claimline/contracts/common';
import {
  PracticeSettingsEvents,
  PracticeSettingsEventTypes as Events,
  ReadinessItem,
} from '@claimline/contracts/practice-settings';
import { Outbox } from '@claimline/backend/util-nats';
import { BillingProfileEntity } from '../billing-profile/entities/billing-profile.entity';
import { addressFromColumns, optionalAddressFromColumns } from '@claimline/backend/util-persistence';
import { LocationEntity } from '../locations/entities/location.entity';
import { PracticeEntity } from '../practices/entities/practice.entity';
import { TeamMemberEntity } from '../practices/entities/team-member.entity';
import { computeReadiness, ReadinessInput } from './readiness.rules';

/**
 * Computes practice settings' own checklist, and keeps `practice.settings_complete` in step
 * inside the transaction of every change (so lists can filter on it without computing), emitting
 * `practice-settings.readiness.changed` when it flips.
 */
@Injectable()
export class ReadinessRefresher {
  constructor(private readonly outbox: Outbox<PracticeSettingsEvents>) {}

  async load(m: EntityManager, practice: PracticeEntity): Promise<ReadinessInput> {
    const queries = [
      () =>
        m.find(TeamMemberEntity, {
          where: { practiceId: practice.id, removedAt: IsNull() },
          order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' },
        }),
      () =>
        m.find(LocationEntity, {
          where: { practiceId: practice.id, removedAt: IsNull() },
          order: { name: 'ASC', id: 'ASC' },
        }),
      () => m.findOne(BillingProfileEntity, { where: { practiceId: practice.id } }),
    ] as const;
    // In a transaction the queries share one connection and must run one after the other; outside, they use the pool.
    const [members, locations, profile] = m.queryRunner
      ? [await queries[0](), await queries[1](), await queries[2]()]
      : await Promise.all([queries[0](), queries[1](), queries[2]()]);
    return {
      practice: { ...practice, address: addressFromColumns(practice.address) },
      members,
      locations: locations.map((l) => ({ ...l, address: addressFromColumns(l.address) })),
      profile: profile && { ...profile, billingAddress: optionalAddressFromColumns(profile.billingAddress) },
    };
  }

  async items(m: EntityManager, practice: PracticeEntity): Promise<ReadinessItem[]> {
    return computeReadiness(await this.load(m, practice));
  }

  /** Call after the change is written, in its transaction; updates `practice.settingsComplete` in place. */
  async refresh(m: EntityManager, actor: Principal, practice: PracticeEntity): Promise<void> {
    const items = await this.items(m, practice);
    const complete = items.every((i) => i.status === 'done');
    if (complete === practice.settingsComplete) return;
    // Readiness is derived, so it must not move the practice's version (or updated_at) under an
    // editor: naming both columns as themselves stops the builder from bumping them.
    await m
      .createQueryBuilder()
      .update(PracticeEntity)
      .set({ settingsComplete: complete, version: () => '"version"', updatedAt: () => '"updated_at"' })
      .where('id = :id', { id: practice.id })
      .execute();
    practice.settingsComplete = complete;
    await this.outbox.add(m, actor, {
      type: Events.readinessChanged,
      aggregateId: practice.id,
      practiceId: practice.id,
      data: {
        practiceId: practice.id,
        complete,
        missing: items.filter((i) => i.status === 'missing').map((i) => i.key),
      },
    });
  }
}
