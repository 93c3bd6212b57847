import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { Actor, Page, Role, userPrincipal } from '@claimline/contracts/common';
import { ActorService } from '../auth/actor.service';
import { RpcError } from '@claimline/backend/util-nats';
import { isUniqueViolation } from '@claimline/backend/util-persistence';
import { passwordProblem } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { notifyUserChanged, revokeUserSessions } from '../auth/sessions';
import { PRACTICE_SETTINGS, PracticeSettingsClient } from '../common/rpc';
import { StaffAssignmentEntity } from './entities/staff-assignment.entity';
import { UserEntity } from './entities/user.entity';
import { PRACTICE_ROLES, type UserView } from '@claimline/contracts/gateway';
import { CreateUserBody, ListUsersQuery, UpdateUserBody } from './users.dto';

export function toUserView(u: UserEntity, assigned: string[] = []): UserView {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    practiceId: u.practiceId,
    practiceIds: u.role === 'billing_staff' ? assigned : null,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}

function checkPassword(password: string, email: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw RpcError.field('password', 'strength', problem);
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PRACTICE_SETTINGS) private readonly ps: PracticeSettingsClient,
    private readonly actors: ActorService,
  ) {}

  /** Practice owners and clinicians belong to one existing practice; the other roles to none. */
  private async checkPractice(
    actor: Actor,
    role: Role,
    practiceId: string | undefined,
    requestId?: string,
  ): Promise<void> {
    const needsPractice = PRACTICE_ROLES.includes(role);
    if (!needsPractice && practiceId) {
      throw RpcError.field(
        'practiceId',
        'forbidden',
        `A ${role.replace('_', ' ')} is not tied to one practice; leave practiceId out`,
      );
    }
    if (needsPractice) {
      // The practice must exist (the practice-settings service answers not_found otherwise).
      await this.ps
        .send(
          'practice-settings.practice.get',
          { practiceId: practiceId! },
          { principal: userPrincipal(actor), requestId },
        )
        .catch((e) => {
          if (e instanceof RpcError && e.code === 'not_found')
            throw RpcError.field('practiceId', 'exists', 'No practice has this id');
          throw e;
        });
    }
  }

  async create(actor: Actor, body: CreateUserBody, requestId?: string): Promise<UserView> {
    const needsPractice = PRACTICE_ROLES.includes(body.role);
    checkPassword(body.password, body.email);
    await this.checkPractice(actor, body.role, body.practiceId, requestId);
    const user = this.db.getRepository(UserEntity).create({
      id: randomUUID(),
      email: body.email.trim().toLowerCase(),
      displayName: body.displayName.trim(),
      passwordHash: await hashPassword(body.password),
      role: body.role,
      practiceId: needsPractice ? body.practiceId! : null,
      active: true,
    });
    try {
      await this.db.getRepository(UserEntity).save(user);
    } catch (error) {
      if (isUniqueViolation(error, 'user_account_email_uq'))
        throw RpcError.field('email', 'unique', 'A user with this e-mail already exists');
      throw error;
    }
    return toUserView(user);
  }

  async list(query: ListUsersQuery): Promise<Page<UserView>> {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [rows, total] = await this.db.getRepository(UserEntity).findAndCount({
      where: query.role ? { role: query.role } : {},
      order: { email: 'ASC' },
      take: limit,
      skip: offset,
    });
    const assigned = await this.assignments(rows.filter((u) => u.role === 'billing_staff').map((u) => u.id));
    return { items: rows.map((u) => toUserView(u, assigned.get(u.id))), total, limit, offset };
  }

  /** Assigned practices of billing staff, by user id (one query). */
  private async assignments(userIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!userIds.length) return out;
    const rows = await this.db
      .getRepository(StaffAssignmentEntity)
      .find({ where: { userId: In(userIds) }, order: { practiceId: 'ASC' } });
    for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.practiceId]);
    return out;
  }

  async update(actor: Actor, id: string, body: UpdateUserBody, requestId?: string): Promise<UserView> {
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.findOne({ where: { id } });
    if (!user) throw new NotFoundException(`User ${id} was not found`);
    if (body.practiceId !== undefined && body.role === undefined) {
      throw RpcError.field('practiceId', 'role', 'practiceId is changed together with role (send both)');
    }
    if (
      id === actor.userId &&
      ((body.role !== undefined && body.role !== user.role) || body.active === false)
    ) {
      throw RpcError.field(
        body.active === false ? 'active' : 'role',
        'self',
        'You cannot change your own role or deactivate yourself; ask another administrator',
      );
    }
    if (body.password !== undefined) checkPassword(body.password, user.email);
    const roleChanged =
      body.role !== undefined && (body.role !== user.role || (body.practiceId ?? null) !== user.practiceId);
    if (body.role !== undefined) await this.checkPractice(actor, body.role, body.practiceId, requestId);
    if (body.displayName !== undefined) user.displayName = body.displayName.trim();
    if (body.active !== undefined) user.active = body.active;
    if (body.password !== undefined) user.passwordHash = await hashPassword(body.password);
    await this.db.transaction(async (m) => {
      if (roleChanged) {
        // Leaving billing staff drops the assignments; a practice role takes its one practice.
        if (user.role === 'billing_staff' && body.role !== 'billing_staff')
          await m.delete(StaffAssignmentEntity, { userId: id });
        user.role = body.role!;
        user.practiceId = PRACTICE_ROLES.includes(body.role!) ? body.practiceId! : null;
      }
      await m.save(user);
      if (roleChanged || body.active === false || body.password !== undefined) {
        // Access tokens carry the role: end every session so the next one has the new rights.
        await revokeUserSessions(m, id);
      } else {
        await notifyUserChanged(m, id);
      }
    });
    this.actors.forget(id);
    const assigned = await this.assignments(user.role === 'billing_staff' ? [id] : []);
    return toUserView(user, assigned.get(id));
  }

  async assignPractices(id: string, practiceIds: string[]): Promise<{ practiceIds: string[] }> {
    const user = await this.db.getRepository(UserEntity).findOne({ where: { id } });
    if (!user) throw new NotFoundException(`User ${id} was not found`);
    if (user.role !== 'billing_staff')
      throw RpcError.field('practiceIds', 'role', 'Only billing staff are assigned practices');
    const unique = [...new Set(practiceIds)];
    await this.db.transaction(async (m) => {
      await notifyUserChanged(m, id);
      await m.delete(StaffAssignmentEntity, { userId: id });
      if (unique.length)
        await m.insert(
          StaffAssignmentEntity,
          unique.map((practiceId) => ({ userId: id, practiceId })),
        );
    });
    this.actors.forget(id);
    return { practiceIds: unique };
  }
}
