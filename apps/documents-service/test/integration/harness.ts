import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { INestMicroservice } from '@nestjs/common';
import { ObjectStore } from 'nats';
import { Actor } from '@claimline/contracts/common';
import { DocumentsRpc } from '@claimline/contracts/documents';
import { runMigrations } from '@claimline/backend/util-persistence';
import { ServiceHarness } from '@claimline/backend/util-service-testing';
import { AppModule } from '../../src/app.module';
import { DocumentsEnv } from '../../src/config/env';
import { documentsDataSourceOptions } from '../../src/database/data-source';

export const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };

/**
 * documents on the real servers, with the practice-settings existence check, its own transfer
 * bucket and documents directory, and the gateway's side of the transfer (put an upload object,
 * read a download object) done as the gateway does it.
 */
export class Harness extends ServiceHarness<DocumentsRpc> {
  os!: ObjectStore;
  readonly bucket = `docs-${randomBytes(4).toString('hex')}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'claimline-documents-'));

  constructor() {
    super({
      service: 'documents',
      migrate: (url) => runMigrations(documentsDataSourceOptions(url)),
      // enrollments calls it under its own signed identity.
      trusts: ['enrollments'],
      // Uploads of several megabytes go through the transfer bucket first.
      rpcTimeoutMs: 20_000,
      practiceExistence: true,
      env: { LOG_LEVEL: 'silent' },
    });
  }

  override async setUp(): Promise<void> {
    this.onTearDown(() => rmSync(this.dir, { recursive: true, force: true }));
    await super.setUp();
    this.os = await this.nc.jetstream().views.os(this.bucket);
    this.onTearDown(() => this.os.destroy().catch(() => undefined));
  }

  override serviceEnv(extra: Record<string, string> = {}): Record<string, string> {
    return super.serviceEnv({ DOCUMENTS_DIR: this.dir, DOCUMENTS_TRANSFER_BUCKET: this.bucket, ...extra });
  }

  start(extra: Record<string, string> = {}): Promise<INestMicroservice> {
    return this.startApp(DocumentsEnv, (env) => AppModule.register(env), extra);
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
}
