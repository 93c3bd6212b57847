import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One use of an authorization by a caller's key (a claim): consuming the same key again changes
 * nothing, and a released use keeps its row so the key cannot be reused for a second claim.
 */
@Entity({ name: 'authorization_use' })
export class AuthorizationUseEntity {
  @PrimaryColumn('uuid')
  authorizationId: string;

  @PrimaryColumn('text')
  key: string;

  @Column('uuid')
  practiceId: string;

  @Column('timestamptz', { default: () => 'now()' })
  consumedAt: Date;

  @Column('timestamptz', { nullable: true })
  releasedAt: Date | null;
}
