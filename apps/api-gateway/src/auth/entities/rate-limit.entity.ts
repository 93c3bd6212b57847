import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A shared rate-limit counter (unlogged: losing it in a crash only resets the limit). */
@Entity({ name: 'rate_limit' })
export class RateLimitEntity {
  @PrimaryColumn('text')
  key: string;

  @Column('integer')
  hits: number;

  @Column('timestamptz')
  windowEnds: Date;

  @Column('timestamptz', { nullable: true })
  blockedUntil: Date | null;
}
