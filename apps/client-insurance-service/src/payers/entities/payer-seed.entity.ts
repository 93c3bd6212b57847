import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A payer the seed wrote: with which seed version, and the payer's `version` right after. A payer
 * whose version moved since was edited by staff, and a later seed leaves it alone.
 */
@Entity({ name: 'payer_seed' })
export class PayerSeedEntity {
  @PrimaryColumn('uuid')
  payerId: string;

  @Column('integer')
  seedVersion: number;

  @Column('integer')
  payerVersion: number;
}
