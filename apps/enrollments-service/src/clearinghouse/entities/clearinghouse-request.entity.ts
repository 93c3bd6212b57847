import { CreateDateColumn, Column, Entity, PrimaryColumn } from 'typeorm';

/** What the local clearinghouse port received (until a real connector exists). */
@Entity({ name: 'clearinghouse_request' })
export class ClearinghouseRequestEntity {
  /** Also the reference answered for an enrollment request. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  enrollmentId: string;

  @Column('text')
  kind: 'enrollment' | 'document';

  @Column('jsonb')
  payload: object;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
