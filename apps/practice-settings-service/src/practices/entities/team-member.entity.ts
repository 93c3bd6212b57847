import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { VersionedRecord } from '@claimline/backend/util-persistence';
import type { TeamMemberRole } from '@claimline/contracts/practice-settings';

@Entity({ name: 'team_member' })
@Index('team_member_practice_email_uq', ['practiceId', 'email'], {
  unique: true,
  where: 'removed_at IS NULL',
})
export class TeamMemberEntity extends VersionedRecord {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('text')
  firstName: string;

  @Column('text')
  lastName: string;

  @Column('text')
  email: string;

  @Column('text')
  role: TeamMemberRole;

  @Column('text', { array: true, default: () => "'{}'" })
  credentials: string[];

  @Column('char', { length: 10, nullable: true })
  npi: string | null;

  @Column('char', { length: 10, nullable: true })
  taxonomyCode: string | null;

  @Column('boolean', { default: false })
  secureMessagingEnabled: boolean;

  @Column('timestamptz', { nullable: true })
  removedAt: Date | null;
}
