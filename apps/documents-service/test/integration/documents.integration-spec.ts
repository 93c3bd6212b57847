import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestMicroservice } from '@nestjs/common';
import { Actor } from '@claimline/contracts/common';
import { validateEnv } from '@claimline/backend/util-config';
import { bootstrapService } from '@claimline/backend/util-service';
import { waitFor } from '@claimline/backend/util-testing';
import { AppModule } from '../../src/app.module';
import { DocumentsEnv } from '../../src/config/env';
import { Harness, rpcError } from './harness';

const MAX = 10 * 1024 * 1024;

/** A structurally plausible JPEG of `size` bytes: SOI + APP0 marker, random body, EOI. */
function jpeg(size: number): Buffer {
  const b = randomBytes(size);
  b.set([0xff, 0xd8, 0xff, 0xe0], 0);
  b.set([0xff, 0xd9], size - 2);
  return b;
}
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

describe('documents service over NATS (real PostgreSQL and NATS)', () => {
  const h = new Harness();
  let app: INestMicroservice;
  const practiceId = randomUUID();
  const otherPracticeId = randomUUID();
  const clientId = randomUUID();
  const owner: Actor = { userId: 'owner-1', role: 'practice_owner', practiceIds: [practiceId] };
  const otherOwner: Actor = { userId: 'owner-2', role: 'practice_owner', practiceIds: [otherPracticeId] };

  async function upload(bytes: Buffer, extra: { name?: string; declaredContentType?: string; actor?: Actor } = {}) {
    const transferObject = `upload/${randomUUID()}`;
    await h.putUpload(transferObject, bytes);
    return h.rpc.send(
      'documents.document.register',
      {
        practiceId,
        linkedType: 'client',
        linkedId: clientId,
        kind: 'insurance_card_front',
        name: extra.name ?? 'card.jpg',
        transferObject,
        ...(extra.declaredContentType !== undefined && { declaredContentType: extra.declaredContentType }),
      },
      { actor: extra.actor ?? owner },
    );
  }

  beforeAll(async () => {
    await h.setUp();
    const env = validateEnv('documents', DocumentsEnv, h.serviceEnv());
    app = await bootstrapService(AppModule.register(env), { name: 'documents', natsUrl: env.NATS_URL, rpcSubjectPrefix: env.RPC_SUBJECT_PREFIX });
  });

  afterAll(async () => {
    await app?.close();
    await h.tearDown();
  });

  it('refuses to boot without a valid key or with a bad size limit', () => {
    expect(() => validateEnv('documents', DocumentsEnv, h.serviceEnv({ PHI_ENCRYPTION_KEY: 'c2hvcnQ=' }))).toThrow(/PHI_ENCRYPTION_KEY must be 32 bytes/);
    expect(() => validateEnv('documents', DocumentsEnv, h.serviceEnv({ DOCUMENT_MAX_BYTES: 'lots' }))).toThrow(/DOCUMENT_MAX_BYTES/);
    expect(validateEnv('documents', DocumentsEnv, { DATABASE_URL: 'postgres://x/y', PHI_ENCRYPTION_KEY: h.phiKey })).toMatchObject({
      DOCUMENTS_DIR: '.data/documents',
      DOCUMENT_MAX_BYTES: MAX,
    });
  });

  it('round-trips a document byte for byte; the file on disk is not the plaintext; the transfer objects are gone', async () => {
    const bytes = jpeg(3 * 1024 * 1024 + 17);
    const doc = await upload(bytes, { declaredContentType: 'image/jpeg' });
    expect(doc).toMatchObject({
      practiceId,
      linkedType: 'client',
      linkedId: clientId,
      kind: 'insurance_card_front',
      originalName: 'card.jpg',
      sizeBytes: bytes.length,
      contentType: 'image/jpeg',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedBy: 'owner-1',
    });
    expect(await h.rpc.send('documents.document.get', { practiceId, documentId: doc.id }, { actor: owner })).toEqual(doc);

    const stored = readFileSync(join(h.dir, doc.id.slice(0, 2), `${doc.id}.bin`));
    expect(stored.length).toBe(bytes.length + 6 + 12 + 16);
    expect(stored.includes(bytes.subarray(0, 32))).toBe(false);
    expect(stored.includes(bytes.subarray(1_000_000, 1_000_032))).toBe(false);
    const [row] = (await h.sql.query('SELECT wrapped_key FROM documents.document WHERE id = $1', [doc.id])).rows;
    expect(row.wrapped_key).toMatch(/^v1\./);

    const opened = await h.rpc.send('documents.document.open', { practiceId, documentId: doc.id }, { actor: owner });
    expect(opened.document).toEqual(doc);
    expect(opened.transferObject).toMatch(/^download\//);
    expect((await h.readDownload(opened.transferObject)).equals(bytes)).toBe(true);
    await h.os.delete(opened.transferObject);
    expect(await h.objectNames()).toEqual([]);

    await waitFor('the uploaded event to be published', async () => {
      const rows = (await h.sql.query(`SELECT type, published_at FROM documents.outbox WHERE aggregate_id = $1`, [doc.id])).rows;
      return rows.length === 1 && rows[0].type === 'documents.document.uploaded';
    });
  });

  it('decides the type by the bytes: a .jpg that is HTML or an executable, an empty, truncated or disguised file is refused', async () => {
    const html = await rpcError(upload(Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), { declaredContentType: 'image/jpeg' }));
    expect(html).toMatchObject({ code: 'validation_failed', errors: [{ field: 'file', rule: 'content_type' }] });
    expect(html.message).toContain('not a JPEG, PNG or PDF (its first bytes are "<!DOCTYP")');

    const exe = await rpcError(upload(Buffer.concat([Buffer.from('MZ'), randomBytes(4000)])));
    expect(exe.message).toMatch(/^The file is not a JPEG, PNG or PDF \(its first bytes are 4D 5A/);

    expect((await rpcError(upload(Buffer.alloc(0)))).message).toBe('The file is empty');
    expect((await rpcError(upload(jpeg(5000).subarray(0, 4000)))).message).toContain('truncated or damaged');
    expect((await rpcError(upload(PDF, { name: 'card.jpg' }))).message).toBe('The file is named .jpg but its content is a PDF');

    // nothing was kept: no row, no file, no transfer object
    expect((await h.sql.query('SELECT count(*)::int AS n FROM documents.document')).rows[0].n).toBe(1);
    expect(await h.objectNames()).toEqual([]);

    const pdf = await upload(PDF, { name: 'eob.pdf', declaredContentType: 'application/pdf' });
    expect(pdf.contentType).toBe('application/pdf');
  });

  it('refuses 10 MB + 1 byte and accepts exactly 10 MB', async () => {
    const tooBig = await rpcError(upload(jpeg(MAX + 1)));
    expect(tooBig).toMatchObject({ code: 'validation_failed', errors: [{ field: 'file', rule: 'max_size' }] });
    expect(tooBig.message).toContain('larger than the limit of 10 MB (10485760 bytes)');
    const exact = await upload(jpeg(MAX));
    expect(exact.sizeBytes).toBe(MAX);
    expect(await h.objectNames()).toEqual([]);
  });

  it('answers not_found for another practice’s document, for uploads into a practice out of scope, and after a soft delete', async () => {
    const doc = await upload(jpeg(2000));
    for (const subject of ['documents.document.get', 'documents.document.open', 'documents.document.remove'] as const) {
      expect(await rpcError(h.rpc.send(subject, { practiceId, documentId: doc.id }, { actor: otherOwner }))).toMatchObject({ code: 'not_found' });
      expect(await rpcError(h.rpc.send(subject, { practiceId: otherPracticeId, documentId: doc.id }, { actor: otherOwner }))).toMatchObject({ code: 'not_found' });
    }
    expect(await rpcError(upload(jpeg(2000), { actor: otherOwner }))).toMatchObject({ code: 'not_found' });
    expect(await h.objectNames()).toEqual([]);

    expect(await h.rpc.send('documents.document.remove', { practiceId, documentId: doc.id }, { actor: owner })).toEqual({ removed: true });
    expect(await rpcError(h.rpc.send('documents.document.get', { practiceId, documentId: doc.id }, { actor: owner }))).toMatchObject({ code: 'not_found' });
    const [row] = (await h.sql.query('SELECT deleted_at, deleted_by FROM documents.document WHERE id = $1', [doc.id])).rows;
    expect(row).toMatchObject({ deleted_by: 'owner-1', deleted_at: expect.any(Date) });
  });

  it('reports a tampered stored file and does not serve it', async () => {
    const bytes = jpeg(300_000);
    const doc = await upload(bytes);
    const path = join(h.dir, doc.id.slice(0, 2), `${doc.id}.bin`);
    const file = readFileSync(path);
    file[100_000] ^= 0x01;
    writeFileSync(path, file);

    const error = await rpcError(h.rpc.send('documents.document.open', { practiceId, documentId: doc.id }, { actor: owner }));
    expect(error).toMatchObject({ code: 'internal', details: { reason: 'integrity' } });
    expect(error.message).toContain(`Document ${doc.id} failed its integrity check and is not served`);
    expect(await h.objectNames()).toEqual([]);
    const events = (await h.sql.query(`SELECT type, data FROM documents.outbox WHERE aggregate_id = $1 ORDER BY seq`, [doc.id])).rows;
    expect(events.map((e) => e.type)).toEqual(['documents.document.uploaded', 'documents.document.integrity-failed']);
  });
});
