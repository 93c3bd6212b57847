import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Read model of practice-settings: a team member's e-mail (lower case) and role. */
@Entity({ name: 'team_member_ref' })
export class TeamMemberRefEntity {
  @PrimaryColumn('uuid')
  memberId: string;

  @Column('uuid')
  practiceId: string;

  @Column('text')
  email: string;

  @Column('text')
  role: string;

  /** The member's version in practice-settings: only a newer event replaces the row. */
  @Column('integer')
  version: number;

  /** A tombstone, so a late "updated" event does not bring a removed member back. */
  @Column('boolean', { default: false })
  removed: boolean;
}
