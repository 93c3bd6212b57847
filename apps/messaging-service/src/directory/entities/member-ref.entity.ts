import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Read model of practice-settings: a team member's address (lower-cased, how a signed-in user is
 * matched to the member) and Secure Messaging switch; `removed` is a tombstone.
 */
@Entity({ name: 'member_ref' })
export class MemberRefEntity {
  @PrimaryColumn('uuid')
  memberId: string;

  @Column('uuid')
  practiceId: string;

  @Column('text')
  email: string;

  @Column('boolean')
  secureMessagingEnabled: boolean;

  @Column('boolean', { default: false })
  removed: boolean;

  @Column('integer')
  version: number;
}
