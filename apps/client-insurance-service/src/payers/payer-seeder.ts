import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClientInsuranceEvents } from '@claimline/contracts/client-insurance';
import { Outbox } from '@claimline/backend/util-nats';
import { seedPayerDirectory } from './payer-seed';

/**
 * Runs the payer seed step before the service answers anything: every way of starting the
 * service (the stack after migrate.js, a test that builds the app) ends with the same directory.
 * Up to date, it costs an insert-if-missing and one locked read.
 */
@Injectable()
export class PayerSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('PayerSeeder');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly outbox: Outbox<ClientInsuranceEvents>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const result = await this.db.transaction((m) => seedPayerDirectory(m, this.outbox));
    if (result) {
      this.logger.log(
        `payer seed ${result.from} → ${result.to}: ${result.inserted} added, ${result.updated} updated, ${result.kept} kept as staff edited them`,
      );
    }
  }
}
