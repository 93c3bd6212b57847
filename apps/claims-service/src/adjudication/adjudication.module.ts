import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module';
import { AdjudicationConsumer } from './adjudication.consumer';
import { ClaimRemittanceController } from './claim-remittance.controller';

/** What claims does for payments: serves a claim's remittance reference and applies ERA results. */
@Module({
  imports: [ClaimsModule],
  controllers: [ClaimRemittanceController],
  providers: [AdjudicationConsumer],
})
export class AdjudicationModule {}
