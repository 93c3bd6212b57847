import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, EntityManager, IsNull } from 'typeorm';
import { Principal, Page } from '@claimline/contracts/common';
import {
  CreatePracticeDto,
  CreateTeamMemberCommand,
  ListPracticesQuery,
  ListTeamMembersQuery,
  PracticeSettingsEvents,
  PracticeSettingsEventTypes as Events,
  PracticeView,
  TeamMemberView,
  UpdatePracticeCommand,
  UpdateTeamMemberCommand,
} from '@claimline/contracts/practice-settings';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import {
  assertVersion,
  changedFields,
  escapeLike,
  findInPractice,
  isUniqueViolation,
} from '@claimline/backend/util-persistence';
import { PracticeEntity } from './entities/practice.entity';
import { TeamMemberEntity } from './entities/team-member.entity';
import { BillingProfileEntity } from '../billing-profile/entities/billing-profile.entity';
import { ReadinessRefresher } from '../readiness/readiness.refresher';
import { toPracticeView, toTeamMemberView } from './practice.mapper';
import { DEFAULT_PAGE, findPractice } from './practice-access';

@Injectable()
export class PracticesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<PracticeSettingsEvents>,
    private readonly readiness: ReadinessRefresher,
  ) {}

  async createPractice(actor: Principal, dto: CreatePracticeDto): Promise<PracticeView> {
    return this.db.transaction(async (m) => {
      const practice = m.create(PracticeEntity, {
        id: randomUUID(),
        type: dto.type,
        name: dto.name.trim(),
        legalName: dto.legalName?.trim() || null,
        phone: dto.phone,
        email: dto.email ?? null,
        address: { ...dto.address, line2: dto.address.line2 ?? null },
        secureMessagingEnabled: dto.secureMessagingEnabled ?? false,
        settingsComplete: false,
      });
      await m.save(practice);
      await this.readiness.refresh(m, actor, practice);
      const view = toPracticeView(practice);
      await this.outbox.add(m, actor, {
        type: Events.practiceCreated,
        aggregateId: view.id,
        practiceId: view.id,
        data: { practice: view, changed: Object.keys(dto) },
      });
      return view;
    });
  }

  async getPractice(actor: Principal, practiceId: string): Promise<PracticeView> {
    return toPracticeView(await this.findPractice(this.db.manager, practiceId));
  }

  async listPractices(actor: Principal, query: ListPracticesQuery): Promise<Page<PracticeView>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const offset = query.offset ?? 0;
    const qb = this.db.getRepository(PracticeEntity).createQueryBuilder('p');
    if (actor.practiceIds !== null) qb.andWhere('p.id = ANY(:ids)', { ids: actor.practiceIds });
    if (query.type) qb.andWhere('p.type = :type', { type: query.type });
    if (query.readiness)
      qb.andWhere('p.settingsComplete = :complete', { complete: query.readiness === 'complete' });
    if (query.search) {
      qb.andWhere(
        new Brackets((w) =>
          w.where('lower(p.name) LIKE :prefix', {
            prefix: `${escapeLike((query.search ?? '').toLowerCase())}%`,
          }),
        ),
      );
    }
    const [rows, total] = await qb
      .orderBy('lower(p.name)', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(limit)
      .skip(offset)
      .getManyAndCount();
    return { items: rows.map(toPracticeView), total, limit, offset };
  }

  async updatePractice(actor: Principal, cmd: UpdatePracticeCommand): Promise<PracticeView> {
    return this.db.transaction(async (m) => {
      const practice = await this.findPractice(m, cmd.practiceId, true);
      assertVersion('Practice', practice.version, cmd.version);
      const { practiceId: _id, version: _v, ...changes } = cmd;
      const current = toPracticeView(practice) as unknown as Record<string, unknown>;
      const changed = changedFields(current, changes as Record<string, unknown>);
      if (changed.length === 0) return toPracticeView(practice);
      if (changes.type !== undefined) practice.type = changes.type;
      if (changes.name !== undefined) practice.name = changes.name.trim();
      if (changes.legalName !== undefined) practice.legalName = changes.legalName?.trim() || null;
      if (changes.secureMessagingEnabled !== undefined)
        practice.secureMessagingEnabled = changes.secureMessagingEnabled;
      if (changes.phone !== undefined) practice.phone = changes.phone;
      if (changes.email !== undefined) practice.email = changes.email;
      if (changes.address !== undefined)
        practice.address = { ...changes.address, line2: changes.address.line2 ?? null };
      await m.save(practice);
      await this.readiness.refresh(m, actor, practice);
      const view = toPracticeView(practice);
      await this.outbox.add(m, actor, {
        type: Events.practiceUpdated,
        aggregateId: view.id,
        practiceId: view.id,
        data: { practice: view, changed },
      });
      return view;
    });
  }

  async createMember(actor: Principal, cmd: CreateTeamMemberCommand): Promise<TeamMemberView> {
    try {
      return await this.db.transaction(async (m) => {
        const practice = await this.findPractice(m, cmd.practiceId, true);
        if (cmd.npi) await assertNpiFree(m, cmd.practiceId, cmd.npi, null);
        const member = m.create(TeamMemberEntity, {
          id: randomUUID(),
          practiceId: cmd.practiceId,
          firstName: cmd.firstName.trim(),
          lastName: cmd.lastName.trim(),
          email: cmd.email.trim().toLowerCase(),
          role: cmd.role,
          credentials: cmd.credentials ?? [],
          npi: cmd.npi ?? null,
          taxonomyCode: cmd.taxonomyCode ?? null,
          secureMessagingEnabled: cmd.secureMessagingEnabled ?? false,
          removedAt: null,
        });
        await m.save(member);
        await this.readiness.refresh(m, actor, practice);
        const view = toTeamMemberView(member);
        await this.outbox.add(m, actor, {
          type: Events.memberAdded,
          aggregateId: view.id,
          practiceId: view.practiceId,
          data: { member: view, changed: Object.keys(cmd) },
        });
        return view;
      });
    } catch (error) {
      throw duplicateEmail(error) ?? error;
    }
  }

  async getMember(actor: Principal, practiceId: string, memberId: string): Promise<TeamMemberView> {
    return toTeamMemberView(await this.findMember(this.db.manager, actor, practiceId, memberId));
  }

  async listMembers(actor: Principal, query: ListTeamMembersQuery): Promise<Page<TeamMemberView>> {
    await this.findPractice(this.db.manager, query.practiceId);
    const limit = query.limit ?? DEFAULT_PAGE;
    const offset = query.offset ?? 0;
    const [rows, total] = await this.db.getRepository(TeamMemberEntity).findAndCount({
      where: { practiceId: query.practiceId, removedAt: IsNull() },
      order: { lastName: 'ASC', firstName: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toTeamMemberView), total, limit, offset };
  }

  async updateMember(actor: Principal, cmd: UpdateTeamMemberCommand): Promise<TeamMemberView> {
    try {
      return await this.db.transaction(async (m) => {
        const practice = await this.findPractice(m, cmd.practiceId, true);
        const member = await this.findMember(m, actor, cmd.practiceId, cmd.memberId, true);
        assertVersion('Team member', member.version, cmd.version);
        const { practiceId: _p, memberId: _m, version: _v, ...changes } = cmd;
        if (changes.email !== undefined) changes.email = changes.email.trim().toLowerCase();
        const changed = changedFields(
          toTeamMemberView(member) as unknown as Record<string, unknown>,
          changes as Record<string, unknown>,
        );
        if (changed.length === 0) return toTeamMemberView(member);
        if (changed.includes('npi') && changes.npi)
          await assertNpiFree(m, cmd.practiceId, changes.npi, member.id);
        Object.assign(member, {
          ...(changes.firstName !== undefined && { firstName: changes.firstName.trim() }),
          ...(changes.lastName !== undefined && { lastName: changes.lastName.trim() }),
          ...(changes.email !== undefined && { email: changes.email }),
          ...(changes.role !== undefined && { role: changes.role }),
          ...(changes.npi !== undefined && { npi: changes.npi }),
          ...(changes.credentials !== undefined && { credentials: changes.credentials }),
          ...(changes.taxonomyCode !== undefined && { taxonomyCode: changes.taxonomyCode }),
          ...(changes.secureMessagingEnabled !== undefined && {
            secureMessagingEnabled: changes.secureMessagingEnabled,
          }),
        });
        await m.save(member);
        await this.readiness.refresh(m, actor, practice);
        const view = toTeamMemberView(member);
        await this.outbox.add(m, actor, {
          type: Events.memberUpdated,
          aggregateId: view.id,
          practiceId: view.practiceId,
          data: { member: view, changed },
        });
        return view;
      });
    } catch (error) {
      throw duplicateEmail(error) ?? error;
    }
  }

  async removeMember(actor: Principal, practiceId: string, memberId: string): Promise<{ removed: true }> {
    return this.db.transaction(async (m) => {
      const practice = await this.findPractice(m, practiceId, true);
      const member = await this.findMember(m, actor, practiceId, memberId, true);
      member.removedAt = new Date();
      await m.save(member);
      await this.readiness.refresh(m, actor, practice);
      await this.outbox.add(m, actor, {
        type: Events.memberRemoved,
        aggregateId: memberId,
        practiceId,
        data: { practiceId, memberId },
      });
      return { removed: true as const };
    });
  }

  private findPractice(m: EntityManager, practiceId: string, lock = false): Promise<PracticeEntity> {
    return findPractice(m, practiceId, lock);
  }

  private findMember(
    m: EntityManager,
    actor: Principal,
    practiceId: string,
    memberId: string,
    lock = false,
  ): Promise<TeamMemberEntity> {
    return findInPractice(m, TeamMemberEntity, 'Team member', practiceId, memberId, {
      lock,
      removable: true,
    });
  }
}

/**
 * A personal (Type 1) NPI belongs to one person: refused when another team member of the practice
 * has it (claims would name the wrong rendering provider) or when it is the practice's Organization
 * (Type 2) NPI. Runs with the practice row locked, so two saves cannot both pass.
 */
async function assertNpiFree(
  m: EntityManager,
  practiceId: string,
  npi: string,
  memberId: string | null,
): Promise<void> {
  const other = await m.findOne(TeamMemberEntity, { where: { practiceId, npi, removedAt: IsNull() } });
  if (other && other.id !== memberId)
    throw RpcError.field(
      'npi',
      'unique',
      `NPI ${npi} is already the NPI of ${other.firstName} ${other.lastName} on this practice's team; each clinician has a personal NPI of their own`,
    );
  const profile = await m.findOne(BillingProfileEntity, { where: { practiceId, organizationNpi: npi } });
  if (profile)
    throw RpcError.field(
      'npi',
      'organization_npi',
      `NPI ${npi} is the practice's Organization (Type 2) NPI; a clinician's personal NPI is a different, Type 1 number`,
    );
}

function duplicateEmail(error: unknown): RpcError | null {
  return isUniqueViolation(error, 'team_member_practice_email_uq')
    ? RpcError.field('email', 'unique', 'Another team member of this practice already uses this e-mail')
    : null;
}
