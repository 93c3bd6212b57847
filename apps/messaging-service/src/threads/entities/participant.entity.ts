import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@claimline/contracts/common';
import type { ParticipantKind, ParticipantSide } from '@claimline/contracts/messaging';

/** Someone in a thread; the address serves the unread e-mail only and is never shown or published but in that event. */
@Entity({ name: 'participant' })
export class ParticipantEntity {
  @PrimaryColumn('uuid')
  threadId: string;

  @PrimaryColumn('text')
  kind: ParticipantKind;

  @PrimaryColumn('uuid')
  participantId: string;

  @Column('uuid')
  practiceId: string;

  @Column('text')
  side: ParticipantSide;

  @Column('text')
  role: Role;

  @Column('text')
  email: string;

  @Column('text')
  displayName: string;

  @Column('timestamptz', { default: () => 'now()' })
  joinedAt: Date;
}
