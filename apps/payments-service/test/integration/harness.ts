import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { INestMicroservice } from '@nestjs/common';
import type { Actor } from '@claimline/contracts/common';
import type { ClaimCreatedEvent } from '@claimline/contracts/claims';
import type { ClaimRemittanceRefView } from '@claimline/contracts/claims/plain';
import {
  PaymentsEventTypes,
  type EraImportView,
  type PaymentsEvents,
  type PaymentsRpc,
} from '@claimline/contracts/payments';
import { runMigrations } from '@claimline/backend/util-persistence';
import { notFound, ServiceHarness } from '@claimline/backend/util-service-testing';
import { waitFor } from '@claimline/backend/util-testing';
import type { ObjectStore } from 'nats';
import { AppModule } from '../../src/app.module';
import { PaymentsEnv } from '../../src/config/env';
import { paymentsDataSourceOptions } from '../../src/database/data-source';

/** One of our claims as claims-service answers `claims.claim.remittance-ref`: lines as [code, date, charge]. */
export function claimRef(
  practiceId: string,
  controlNumber: string,
  lines: [string, string, number][],
  extra: Partial<ClaimRemittanceRefView> = {},
): ClaimRemittanceRefView {
  return {
    id: randomUUID(),
    practiceId,
    clientId: randomUUID(),
    payerId: randomUUID(),
    patientControlNumber: controlNumber,
    status: 'submitted',
    totalCents: lines.reduce((s, l) => s + l[2], 0),
    serviceFrom: lines[0][1],
    filedOutside: false,
    version: 1,
    lines: lines.map(([procedure, serviceDate, chargeCents], i) => ({
      lineControlNumber: `${controlNumber}-L${i + 1}`,
      procedure,
      modifiers: [],
      serviceDate,
      chargeCents,
    })),
    ...extra,
  };
}

/**
 * payments on the real servers: claims-service's events published onto JetStream as its relay
 * would, a stand-in answering `claims.claim.remittance-ref` from `claims`, the gateway's side of
 * an upload (a transfer object), and an observer of payments' own events.
 */
export class Harness extends ServiceHarness<PaymentsRpc, PaymentsEvents> {
  readonly bucket = `era-${randomBytes(4).toString('hex')}`;
  readonly claims = new Map<string, ClaimRemittanceRefView>();
  private os!: ObjectStore;

  constructor() {
    super({
      service: 'payments',
      migrate: (url) => runMigrations(paymentsDataSourceOptions(url)),
      observe: Object.values(PaymentsEventTypes),
      practiceExistence: true,
    });
  }

  override async setUp(): Promise<void> {
    await super.setUp();
    this.os = await this.nc.jetstream().views.os(this.bucket);
    this.serve<{ practiceId: string; claimId: string }>('claims.claim.remittance-ref', (q) => {
      const c = this.claims.get(q.claimId);
      return c && c.practiceId === q.practiceId ? c : notFound('Claim');
    });
  }

  override serviceEnv(extra: Record<string, string> = {}): Record<string, string> {
    return super.serviceEnv({ DOCUMENTS_TRANSFER_BUCKET: this.bucket, ERA_BATCH_SIZE: '2', ...extra });
  }

  start(extra: Record<string, string> = {}): Promise<INestMicroservice> {
    return this.startApp(PaymentsEnv, (env) => AppModule.register(env), extra);
  }

  /** A claim created in claims-service: its event, then the read model row (asked over RPC). */
  async claimCreated(c: ClaimRemittanceRefView): Promise<void> {
    this.claims.set(c.id, c);
    const data: ClaimCreatedEvent = {
      id: c.id,
      practiceId: c.practiceId,
      clientId: c.clientId,
      payerId: c.payerId,
      renderingTeamMemberId: randomUUID(),
      appointmentIds: [],
      status: c.status,
      filedOutside: c.filedOutside,
      totalCents: c.totalCents,
      version: c.version,
    };
    await this.publish('claims', this.envelope('claims.claim.created', c.id, c.practiceId, data));
    await waitFor(`claim ${c.id} in the read model`, async () => {
      const rows: unknown[] = await this.sql.query('SELECT 1 FROM payments.claim_ref WHERE claim_id = $1', [
        c.id,
      ]);
      return rows.length === 1;
    });
  }

  /** What the gateway does with an upload: the body into a transfer object, then the import call. */
  async upload(actor: Actor, practiceId: string, fileName: string, x12: string): Promise<EraImportView> {
    const name = `upload/${randomUUID()}`;
    const bytes = Buffer.from(x12, 'latin1');
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 64 * 1024) chunks.push(bytes.subarray(i, i + 64 * 1024));
    await this.os.put(
      { name },
      Readable.toWeb(Readable.from(chunks)) as unknown as ReadableStream<Uint8Array>,
    );
    return this.rpc.send('payments.era.import', { practiceId, transferObject: name, fileName }, { actor });
  }

  count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
    return this.sql
      .query(`SELECT count(*)::int AS n FROM payments.${table} WHERE ${where}`, params)
      .then((r: { n: number }[]) => r[0].n);
  }
}
