import { DataSourceOptions } from 'typeorm';
import { serviceDataSourceOptions } from '@claimline/backend/util-persistence';
import { EVENT_ENTITIES } from '@claimline/backend/util-nats';
import { ClaimRefEntity } from '../claims-ref/entities/claim-ref.entity';
import { SCHEMA } from '../config/env';
import { ClaimResultEntity } from '../eras/entities/claim-result.entity';
import { EraFileChunkEntity } from '../eras/entities/era-file-chunk.entity';
import { EraFileEntity } from '../eras/entities/era-file.entity';
import { EraTransactionEntity } from '../eras/entities/era-transaction.entity';
import { PaymentAdjustmentEntity } from '../eras/entities/payment-adjustment.entity';
import { PostingEntity } from '../eras/entities/posting.entity';
import { UnmatchedClaimEntity } from '../eras/entities/unmatched-claim.entity';
import { LedgerEntryEntity } from '../ledger/entities/ledger-entry.entity';
import { Initial1780100000000 } from './migrations/1780100000000-initial';

export function paymentsDataSourceOptions(url: string): DataSourceOptions {
  return serviceDataSourceOptions({
    url,
    schema: SCHEMA,
    entities: [
      ClaimRefEntity,
      EraFileEntity,
      EraFileChunkEntity,
      EraTransactionEntity,
      PaymentAdjustmentEntity,
      PostingEntity,
      UnmatchedClaimEntity,
      ClaimResultEntity,
      LedgerEntryEntity,
      ...EVENT_ENTITIES,
    ],
    migrations: [Initial1780100000000],
    applicationName: 'payments-service',
  });
}
