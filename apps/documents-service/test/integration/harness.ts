import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { connect, NatsConnection, ObjectStore } from 'nats';
import { Pool } from 'pg';
import { Actor } from '@claimline/contracts/common';
import { DocumentsRpc } from '@claimline/contracts/documents';
import { GatewayTestClient, servePracticeExistence, TestTrust } from '@claimline/backend/util-auth';
import { runMigrations } from '@claimline/backend/util-persistence';
import {
  createTestDatabase,
  deleteTestStreams,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
} from '@claimline/backend/util-testing';
import { documentsDataSourceOptions } from '../../src/database/data-source';

export const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };

/**
 * The real servers for one test file: its own database (migrated), its own event and RPC
 * prefixes, its own transfer bucket and documents directory, and the gateway's side of the
 * transfer (put an upload object, read a download object) done as the gateway does it.
 */
export class Harness {
  db!: TestDatabase;
  nc!: NatsConnection;
  sql!: Pool;
  rpc!: GatewayTestClient<DocumentsRpc>;
  /** Signed requests: a test gateway key, the service's own key, and enrollments (a service that calls it). */
  readonly trust = new TestTrust('documents', ['enrollments']);
  /** Practices the practice-settings stand-in says do not exist. */
  readonly absentPractices = new Set<string>();
  os!: ObjectStore;
  readonly events = testEventsConfig();
  readonly phiKey = randomBytes(32).toString('base64');
  readonly bucket = `docs-${randomBytes(4).toString('hex')}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'claimline-documents-'));

  async setUp(): Promise<void> {
    this.db = await createTestDatabase();
    await runMigrations(documentsDataSourceOptions(this.db.url));
    this.sql = new Pool({ connectionString: this.db.url, max: 2 });
    this.nc = await connect({ servers: testNatsUrl() });
    this.rpc = new GatewayTestClient<DocumentsRpc>(this.nc, 20_000, this.events.rpcPrefix, this.trust);
    servePracticeExistence(this.nc, this.events.rpcPrefix, this.absentPractices);
    this.os = await this.nc.jetstream().views.os(this.bucket);
  }

  serviceEnv(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: this.db.url,
      NATS_URL: testNatsUrl(),
      EVENTS_SUBJECT_PREFIX: this.events.subjectPrefix,
      EVENTS_STREAM_PREFIX: this.events.streamPrefix,
      RPC_SUBJECT_PREFIX: this.events.rpcPrefix,
      OUTBOX_POLL_MS: '100',
      LOG_LEVEL: 'silent',
      PHI_ENCRYPTION_KEY: this.phiKey,
      DOCUMENTS_DIR: this.dir,
      DOCUMENTS_TRANSFER_BUCKET: this.bucket,
      ...this.trust.serviceEnv(),
      ...extra,
    };
  }

  /** What the gateway does with a request body: stream it, in chunks, into an upload object. */
  async putUpload(name: string, bytes: Buffer): Promise<void> {
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 64 * 1024) chunks.push(bytes.subarray(i, i + 64 * 1024));
    await this.os.put(
      { name },
      Readable.toWeb(Readable.from(chunks)) as unknown as ReadableStream<Uint8Array>,
    );
  }

  async readDownload(name: string): Promise<Buffer> {
    const r = await this.os.get(name);
    if (!r) throw new Error(`no object ${name}`);
    const parts: Buffer[] = [];
    for await (const c of Readable.fromWeb(r.data as never)) parts.push(c as Buffer);
    if (await r.error) throw await r.error;
    return Buffer.concat(parts);
  }

  async objectNames(): Promise<string[]> {
    return (await this.os.list()).filter((o) => !o.deleted).map((o) => o.name);
  }

  async tearDown(): Promise<void> {
    await this.sql?.end();
    if (this.nc) {
      await this.os?.destroy().catch(() => undefined);
      await deleteTestStreams(this.nc, this.events.streamPrefix);
      await this.nc.close();
    }
    await this.db?.drop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
