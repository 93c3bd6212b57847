import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Actor, Page } from '@claimline/contracts/common';
import { RpcError } from '@claimline/backend/util-nats';
import { isUniqueViolation } from '@claimline/backend/util-persistence';
import { hashPassword } from '../auth/passwords';
import { PRACTICE_SETTINGS, PracticeSettingsClient } from '../common/rpc';
import { StaffAssignmentEntity, UserEntity } from '../database/entities';
import { CreateUserBody, ListUsersQuery, UpdateUserBody, UserView } from './users.dto';

export function toUserView(u: UserEntity): UserView {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    practiceId: u.practiceId,
    active: u.active,
    createdAt: u.createdAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PRACTICE_SETTINGS) private readonly ps: PracticeSettingsClient,
  ) {}

  async create(actor: Actor, body: CreateUserBody, requestId?: string): Promise<UserView> {
    const needsPractice = body.role === 'practice_owner' || body.role === 'clinician';
    if (!needsPractice && body.practiceId) {
      throw RpcError.field('practiceId', 'forbidden', `A ${body.role.replace('_', ' ')} is not tied to one practice; leave practiceId out`);
    }
    if (needsPractice) {
      // The practice must exist (the practice-settings service answers not_found otherwise).
      await this.ps.send('practice-settings.practice.get', { practiceId: body.practiceId! }, { actor, requestId }).catch((e) => {
        if (e instanceof RpcError && e.code === 'not_found') throw RpcError.field('practiceId', 'exists', 'No practice has this id');
        throw e;
      });
    }
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
      if (isUniqueViolation(error, 'user_account_email_uq')) throw RpcError.field('email', 'unique', 'A user with this e-mail already exists');
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
    return { items: rows.map(toUserView), total, limit, offset };
  }

  async update(id: string, body: UpdateUserBody): Promise<UserView> {
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.findOne({ where: { id } });
    if (!user) throw new NotFoundException(`User ${id} was not found`);
    if (body.displayName !== undefined) user.displayName = body.displayName.trim();
    if (body.active !== undefined) user.active = body.active;
    if (body.password !== undefined) user.passwordHash = await hashPassword(body.password);
    await repo.save(user);
    if (body.active === false || body.password !== undefined) {
      await this.db.query('UPDATE gateway.refresh_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
    }
    return toUserView(user);
  }

  async assignPractices(id: string, practiceIds: string[]): Promise<{ practiceIds: string[] }> {
    const user = await this.db.getRepository(UserEntity).findOne({ where: { id } });
    if (!user) throw new NotFoundException(`User ${id} was not found`);
    if (user.role !== 'billing_staff') throw RpcError.field('practiceIds', 'role', 'Only billing staff are assigned practices');
    const unique = [...new Set(practiceIds)];
    await this.db.transaction(async (m) => {
      await m.delete(StaffAssignmentEntity, { userId: id });
      if (unique.length) await m.insert(StaffAssignmentEntity, unique.map((practiceId) => ({ userId: id, practiceId })));
    });
    return { practiceIds: unique };
  }
}
