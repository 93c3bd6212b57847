import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import type { Role } from '@claimline/contracts/common';
import { type ParticipantInput, type ParticipantView, sideOfRole } from '@claimline/contracts/messaging';
import { StaffAssignmentEntity } from '../users/entities/staff-assignment.entity';
import { UserEntity } from '../users/entities/user.entity';

/**
 * Who may be in a practice's threads, from the gateway's own users (it owns them): active
 * practice owners and clinicians of the practice, billing staff assigned to it, and admins when
 * invited by id. The messaging service gets each participant's role, name and sign-in address
 * (for the unread e-mail) from here, never from the request body.
 */
@Injectable()
export class MessagingParticipants {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The people of the practice one can start a thread with (admins are not listed; invite them by id). */
  async list(practiceId: string): Promise<ParticipantView[]> {
    const rows = await this.eligible(practiceId, null);
    return rows
      .filter((u) => u.role !== 'admin')
      .map((u) => ({
        kind: 'user',
        id: u.id,
        side: sideOfRole(u.role),
        role: u.role,
        displayName: u.displayName,
      }));
  }

  /**
   * The caller and the named users as participants; 422 on `participantUserIds` naming how many
   * are not people of this practice (without saying who exists elsewhere).
   */
  async resolve(practiceId: string, callerId: string, userIds: string[]): Promise<ParticipantInput[]> {
    const wanted = [...new Set([callerId, ...userIds])];
    const found = await this.eligible(practiceId, wanted);
    const byId = new Map(found.map((u) => [u.id, u]));
    const missing = userIds.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      const message = `participantUserIds: ${missing.length} of them ${missing.length === 1 ? 'is' : 'are'} not an active member or billing staff of this practice`;
      throw new UnprocessableEntityException({
        message,
        errors: [{ field: 'participantUserIds', rule: 'participant', message }],
      });
    }
    if (!byId.has(callerId)) {
      const message = 'You are not a member or billing staff of this practice';
      throw new UnprocessableEntityException({
        message,
        errors: [{ field: 'participantUserIds', rule: 'participant', message }],
      });
    }
    return wanted.map((id) => {
      const u = byId.get(id)!;
      return { kind: 'user', id: u.id, role: u.role, email: u.email, displayName: u.displayName };
    });
  }

  private async eligible(
    practiceId: string,
    ids: string[] | null,
  ): Promise<{ id: string; role: Role; email: string; displayName: string }[]> {
    const qb = this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoin(StaffAssignmentEntity, 'a', 'a.userId = u.id AND a.practiceId = :practiceId', { practiceId })
      .where('u.active = true')
      .andWhere(
        new Brackets((w) =>
          w
            .where(`u.role IN ('practice_owner', 'clinician') AND u.practiceId = :practiceId`, { practiceId })
            .orWhere(`u.role = 'billing_staff' AND a.userId IS NOT NULL`)
            .orWhere(`u.role = 'admin' AND :invited = true`, { invited: ids !== null }),
        ),
      )
      .orderBy('u.displayName', 'ASC');
    if (ids) qb.andWhere('u.id IN (:...ids)', { ids });
    const rows = await qb.getMany();
    return rows.map((u) => ({ id: u.id, role: u.role, email: u.email, displayName: u.displayName }));
  }
}
