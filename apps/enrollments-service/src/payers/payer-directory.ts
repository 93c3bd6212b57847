import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ClientInsuranceRpc, PayerView } from '@claimline/contracts/client-insurance';
import { RpcClient, RpcError } from '@claimline/backend/util-nats';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { servicePrincipal } from '@claimline/contracts/common';
import { SERVICE_NAME } from '../config/env';
import { PayerRequirements } from '../enrollments/derive-status';
import { PayerRefEntity } from './entities/payer-ref.entity';

export const CLIENT_INSURANCE_RPC = Symbol('CLIENT_INSURANCE_RPC');

/**
 * `payer_ref`: the payer directory's enrollment requirements, kept from client-insurance's
 * `payer.created/updated` events. Seeded payers never had an event (they come from a migration
 * there), so the directory is also read whole over request-reply at startup (retried until
 * client-insurance answers) and a payer met for the first time is fetched by id.
 */
@Injectable()
export class PayerDirectory implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('PayerDirectory');
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  synced = false;
  /** Set by the enrollment engine: re-derives statuses when a payer's requirements change. */
  onRequirementsChanged:
    ((m: EntityManager, before: PayerRefEntity, after: PayerRefEntity) => Promise<void>) | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(CLIENT_INSURANCE_RPC) private readonly rpc: RpcClient<ClientInsuranceRpc>,
  ) {}

  onApplicationBootstrap(): void {
    const attempt = async (delay: number): Promise<void> => {
      if (this.stopped) return;
      try {
        await this.syncAll();
        this.synced = true;
      } catch (error) {
        this.logger.warn(
          `payer directory sync failed (${(error as Error).message}); retrying in ${delay} ms`,
        );
        this.timer = setTimeout(() => void attempt(Math.min(delay * 2, 30_000)), delay);
      }
    };
    void attempt(500);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  async syncAll(): Promise<number> {
    let offset = 0;
    for (;;) {
      const page = await this.rpc.send(
        'client-insurance.payer.search',
        { limit: 200, offset },
        { principal: servicePrincipal(SERVICE_NAME, ['client-insurance.payer.search']) },
      );
      for (const payer of page.items) await this.db.transaction((m) => this.apply(m, payer));
      offset += page.items.length;
      if (page.items.length === 0 || offset >= page.total) return offset;
    }
  }

  async all(m: EntityManager = this.db.manager): Promise<PayerRefEntity[]> {
    return m
      .getRepository(PayerRefEntity)
      .createQueryBuilder('p')
      .orderBy('lower(p.name)')
      .addOrderBy('p.payerId')
      .getMany();
  }

  async find(m: EntityManager, payerId: string): Promise<PayerRefEntity | null> {
    return m.findOneBy(PayerRefEntity, { payerId });
  }

  private async get(m: EntityManager, payerId: string): Promise<PayerRefEntity> {
    const payer = await this.find(m, payerId);
    if (!payer) throw RpcError.notFound('Payer', payerId);
    return payer;
  }

  /** The payer's requirements, fetched from client-insurance when not seen yet (404 when it does not exist). */
  async ensure(m: EntityManager, payerId: string): Promise<PayerRefEntity> {
    const known = await this.find(m, payerId);
    if (known) return known;
    const payer = await this.rpc
      .send(
        'client-insurance.payer.get',
        { payerId },
        { principal: servicePrincipal(SERVICE_NAME, ['client-insurance.payer.get']) },
      )
      .catch((error) => {
        if (error instanceof RpcError && error.code === 'not_found')
          throw RpcError.notFound('Payer', payerId);
        throw error;
      });
    await this.apply(m, payer);
    return this.get(m, payerId);
  }

  /** Keeps a newer version of a payer; when its enrollment requirements changed, statuses are derived again. */
  async apply(m: EntityManager, payer: PayerView): Promise<void> {
    const before = await this.find(m, payer.id);
    if (!(await applyPayer(m, payer))) return;
    const after = await this.get(m, payer.id);
    if (before && !sameRequirements(before, after) && this.onRequirementsChanged)
      await this.onRequirementsChanged(m, before, after);
  }
}

function sameRequirements(a: PayerRequirements, b: PayerRequirements): boolean {
  return (
    a.claimFilingEnrollmentRequired === b.claimFilingEnrollmentRequired &&
    a.eraSupported === b.eraSupported &&
    a.eraEnrollmentRequired === b.eraEnrollmentRequired
  );
}

/** Upserts a payer; an older or repeated version never overwrites a newer one. Answers whether it changed. */
export async function applyPayer(m: EntityManager, p: PayerView): Promise<boolean> {
  // Raw: the version guard is a WHERE on the conflict update, which TypeORM's upsert cannot say.
  const rows = await rawSql(
    m,
    'upsert',
    `INSERT INTO ${tableOf(m, PayerRefEntity)} AS "payer_ref" ("payer_id", "name", "clearinghouse_payer_id", "claim_filing_enrollment_required", "era_supported", "era_enrollment_required", "version")
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT ("payer_id") DO UPDATE SET "name" = EXCLUDED."name", "clearinghouse_payer_id" = EXCLUDED."clearinghouse_payer_id",
       "claim_filing_enrollment_required" = EXCLUDED."claim_filing_enrollment_required", "era_supported" = EXCLUDED."era_supported",
       "era_enrollment_required" = EXCLUDED."era_enrollment_required", "version" = EXCLUDED."version"
     WHERE "payer_ref"."version" < EXCLUDED."version"
     RETURNING "payer_id"`,
    [
      p.id,
      p.name,
      p.payerIds['default'] ?? null,
      p.claimFilingEnrollmentRequired,
      p.eraSupported,
      p.eraSupported && p.eraEnrollmentRequired,
      p.version,
    ],
  );
  return rows.length > 0;
}
