import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ClaimStatus } from '@claimline/domain';

/** One status change of a claim: who, when, why, and the finding codes (never their words: no PHI). */
@Entity({ name: 'claim_status_history' })
export class ClaimStatusHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  claimId: string;

  @Column('text', { nullable: true })
  fromStatus: ClaimStatus | null;

  @Column('text')
  toStatus: ClaimStatus;

  @Column('text')
  move: string;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('text', { array: true })
  findingCodes: string[];

  @Column('text', { nullable: true })
  actorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
