import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { LedgerEntryKind } from '@claimline/payments';
import { CentsColumn, DateColumn } from '../../database/columns';

/** One entry of a client's ledger: positive adds to what the client owes, negative takes from it. */
@Entity({ name: 'ledger_entry' })
export class LedgerEntryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  practiceId: string;

  @Column('uuid')
  clientId: string;

  @Column('text')
  kind: LedgerEntryKind;

  @CentsColumn()
  amountCents: number;

  @DateColumn()
  entryDate: string;

  @Column({ type: 'uuid', nullable: true })
  claimId: string | null;

  @Column({ type: 'uuid', nullable: true })
  postingId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
