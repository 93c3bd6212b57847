import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CentsColumn } from '../../database/columns';

/** A PLB amount, against the payment (never a claim). Positive reduces the payment. */
@Entity({ name: 'payment_adjustment' })
export class PaymentAdjustmentEntity {
  @PrimaryColumn('uuid')
  transactionId: string;

  @PrimaryColumn('integer')
  seq: number;

  @Column('text')
  providerId: string;

  @Column('text')
  reasonCode: string;

  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column('text')
  kind: string;

  @CentsColumn()
  amountCents: number;
}
