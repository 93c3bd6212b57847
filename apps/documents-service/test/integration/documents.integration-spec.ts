import { randomBytes, randomUUID, createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { Actor } from '@claimline/contracts/common';
import { DocumentKind, DocumentLinkType } from '@claimline/contracts/documents';
import { validateEnv } from '@claimline/backend/util-config';
import { rpcError, testPdf, waitFor } from '@claimline/backend/util-testing';
import { DocumentsEnv } from '../../src/config/env';
import { fakeJpeg, jpeg, pdfWithCatalog, photo } from './files';
import { admin, Harness } from './harness';

const MAX = 10 * 1024 * 1024;
const PDF = testPdf(120);

describe('documents service over NATS (real PostgreSQL and NATS)', () => {
  const h = new Harness();
  const practiceId = randomUUID();
  const otherPracticeId = randomUUID();
  const clientId = randomUUID();
  const owner: Actor = { userId: 'owner-1', role: 'practice_owner', practiceIds: [practiceId] };
  const otherOwner: Actor = { userId: 'owner-2', role: 'practice_owner', practiceIds: [otherPracticeId] };

  async function upload(
    bytes: Buffer,
    extra: {
      name?: string;
      declaredContentType?: string;
      actor?: Actor;
      linkedType?: DocumentLinkType;
      linkedId?: string;
      kind?: DocumentKind;
      practiceId?: string;
    } = {},
  ) {
    const transferObject = `upload/${randomUUID()}`;
    await h.putUpload(transferObject, bytes);
    return h.rpc.send(
      'documents.document.register',
      {
        practiceId: extra.practiceId ?? practiceId,
        linkedType: extra.linkedType ?? 'client',
        linkedId: extra.linkedId ?? clientId,
        kind: extra.kind ?? 'insurance_card_front',
        name: extra.name ?? 'card.jpg',
        transferObject,
        ...(extra.declaredContentType !== undefined && { declaredContentType: extra.declaredContentType }),
      },
      { actor: extra.actor ?? owner },
    );
  }

  beforeAll(async () => {
    await h.setUp();
    await h.start();
  });

  afterAll(() => h.tearDown());

  /** Every encrypted file in the documents directory (originals and previews). */
  const storedFiles = () =>
    readdirSync(h.dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.bin'));

  it('refuses to boot without a valid key or with a bad size limit', () => {
    expect(() =>
      validateEnv('documents', DocumentsEnv, h.serviceEnv({ PHI_ENCRYPTION_KEY: 'c2hvcnQ=' })),
    ).toThrow(/PHI_ENCRYPTION_KEY must be 32 bytes/);
    expect(() =>
      validateEnv('documents', DocumentsEnv, h.serviceEnv({ DOCUMENT_MAX_BYTES: 'lots' })),
    ).toThrow(/DOCUMENT_MAX_BYTES/);
    expect(() =>
      validateEnv('documents', DocumentsEnv, h.serviceEnv({ DOCUMENT_IMAGE_MAX_PIXELS: '1000' })),
    ).toThrow(/DOCUMENT_IMAGE_MAX_PIXELS/);
    expect(() =>
      validateEnv('documents', DocumentsEnv, h.serviceEnv({ DOCUMENT_PREVIEW_CONCURRENCY: '0' })),
    ).toThrow(/DOCUMENT_PREVIEW_CONCURRENCY/);
    expect(
      validateEnv('documents', DocumentsEnv, {
        DATABASE_URL: 'postgres://x/y',
        PHI_ENCRYPTION_KEY: h.phiKey,
      }),
    ).toMatchObject({
      DOCUMENTS_DIR: '.data/documents',
      DOCUMENT_MAX_BYTES: MAX,
      DOCUMENT_IMAGE_MAX_PIXELS: 100_000_000,
      DOCUMENT_PREVIEW_CONCURRENCY: 2,
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
      preview: { contentType: 'image/jpeg', width: 8, height: 8, sizeBytes: expect.any(Number) },
    });
    expect(
      await h.rpc.send('documents.document.get', { practiceId, documentId: doc.id }, { actor: owner }),
    ).toEqual(doc);

    const stored = readFileSync(join(h.dir, doc.id.slice(0, 2), `${doc.id}.bin`));
    expect(stored.length).toBe(bytes.length + 6 + 12 + 16);
    expect(stored.includes(bytes.subarray(0, 32))).toBe(false);
    expect(stored.includes(bytes.subarray(1_000_000, 1_000_032))).toBe(false);
    const [row] = await h.sql.query('SELECT wrapped_key FROM documents.document WHERE id = $1', [doc.id]);
    expect(row.wrapped_key).toMatch(/^v1\./);

    const opened = await h.rpc.send(
      'documents.document.open',
      { practiceId, documentId: doc.id },
      { actor: owner },
    );
    expect(opened.document).toEqual(doc);
    expect(opened.content).toEqual({
      size: 'original',
      contentType: 'image/jpeg',
      sizeBytes: bytes.length,
      fileName: 'card.jpg',
    });
    expect(opened.transferObject).toMatch(/^download\//);
    expect((await h.readDownload(opened.transferObject)).equals(bytes)).toBe(true);
    await h.os.delete(opened.transferObject);
    expect(await h.objectNames()).toEqual([]);

    await waitFor('the uploaded event to be published', async () => {
      const rows = await h.sql.query(
        `SELECT type, published_at FROM documents.outbox WHERE aggregate_id = $1`,
        [doc.id],
      );
      return rows.length === 1 && rows[0].type === 'documents.document.uploaded';
    });
  });

  it('decides the type by the bytes: a .jpg that is HTML or an executable, an empty, truncated or disguised file is refused', async () => {
    const html = await rpcError(
      upload(Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), {
        declaredContentType: 'image/jpeg',
      }),
    );
    expect(html).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'file', rule: 'content_type' }],
    });
    expect(html.message).toContain('not a JPEG, PNG or PDF (its first bytes are "<!DOCTYP")');

    // A Windows executable's DOS header (MZ, then bytes that are not text, as in every real one: random
    // bytes could all be printable, and the message would quote them instead of listing them in hex).
    const dosHeader = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    const exe = await rpcError(upload(Buffer.concat([dosHeader, randomBytes(4000)])));
    expect(exe.message).toMatch(/^The file is not a JPEG, PNG or PDF \(its first bytes are 4D 5A/);

    expect((await rpcError(upload(Buffer.alloc(0)))).message).toBe('The file is empty');
    expect((await rpcError(upload(jpeg(5000).subarray(0, 4000)))).message).toContain('truncated or damaged');
    const garbage = await rpcError(upload(fakeJpeg(20_000)));
    expect(garbage).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'file', rule: 'content_type' }],
    });
    expect(garbage.message).toMatch(
      /^The file starts and ends like a JPEG image but its pixels cannot be read \(.+\); it is damaged or not really an image$/,
    );
    expect((await rpcError(upload(PDF, { name: 'card.jpg' }))).message).toBe(
      'The file is named .jpg but its content is a PDF',
    );

    // nothing was kept: no row, no file (the round trip's original and preview only), no transfer object
    expect((await h.sql.query('SELECT count(*)::int AS n FROM documents.document'))[0].n).toBe(1);
    expect(storedFiles()).toHaveLength(2);
    expect(await h.objectNames()).toEqual([]);

    const eob = await upload(PDF, { name: 'eob.pdf', declaredContentType: 'application/pdf' });
    expect(eob).toMatchObject({ contentType: 'application/pdf', preview: null });
  });

  it('refuses a PDF with active content — also written with #xx escapes — keeping nothing, and accepts a plain one', async () => {
    const rowsBefore = (await h.sql.query('SELECT count(*)::int AS n FROM documents.document'))[0].n;
    const filesBefore = storedFiles().length;
    for (const [catalog, name] of [
      ['/OpenAction << /S /JavaScript /JS (app.alert(1)) >>', 'OpenAction'],
      ['/Names << /EmbeddedFiles << /Names [(a.exe) 9 0 R] >> >>', 'EmbeddedFiles'],
      ['/AA << /O << /S /Launch /F (cmd.exe) >> >>', 'AA'],
      ['/Names << /J#61vaScript 9 0 R >>', 'JavaScript'],
      ['/AcroForm << /Fields [] /XFA 9 0 R >>', 'XFA'],
    ]) {
      const refused = await rpcError(
        upload(pdfWithCatalog(catalog, 300_000), { name: 'eob.pdf', kind: 'eob' }),
      );
      expect(refused).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'file', rule: 'active_content' }],
      });
      expect(refused.message).toContain(`The PDF contains active content (/${name})`);
    }
    expect((await h.sql.query('SELECT count(*)::int AS n FROM documents.document'))[0].n).toBe(rowsBefore);
    expect(storedFiles()).toHaveLength(filesBefore);
    expect(await h.objectNames()).toEqual([]);

    const plain = await upload(pdfWithCatalog('/Lang (en-US) /AcroForm << /Fields [] >>', 300_000), {
      name: 'form.pdf',
      kind: 'eob',
    });
    expect(plain).toMatchObject({ contentType: 'application/pdf', preview: null });
  });

  it('refuses 10 MB + 1 byte and accepts exactly 10 MB (a JPEG, previewed, and a PDF)', async () => {
    const tooBig = await rpcError(upload(jpeg(MAX + 1)));
    expect(tooBig).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'file', rule: 'max_size' }],
    });
    expect(tooBig.message).toContain('larger than the limit of 10 MB (10485760 bytes)');
    const exact = await upload(jpeg(MAX));
    expect(exact).toMatchObject({ sizeBytes: MAX, preview: { width: 8, height: 8 } });
    const exactPdf = await upload(testPdf(MAX), { name: 'eob.pdf' });
    expect(exactPdf).toMatchObject({ sizeBytes: MAX, preview: null });
    expect(await h.objectNames()).toEqual([]);
  });

  it('makes a preview of an image: longest side 480 px, EXIF rotation applied, metadata gone, encrypted with its own checksum', async () => {
    const original = await sharp(await photo(1200, 900, 'jpeg'))
      .withExif({ IFD0: { Copyright: 'Ada Lovelace, member W123456789' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const doc = await upload(original, { name: 'card-front.jpeg', kind: 'insurance_card_front' });
    // stored 1200 × 900 with orientation 6: displayed 900 × 1200, so the preview is 360 × 480
    expect(doc.preview).toEqual({
      contentType: 'image/jpeg',
      width: 360,
      height: 480,
      sizeBytes: expect.any(Number),
    });

    const opened = await h.rpc.send(
      'documents.document.open',
      { practiceId, documentId: doc.id, size: 'preview' },
      { actor: owner },
    );
    expect(opened.content).toEqual({
      size: 'preview',
      contentType: 'image/jpeg',
      sizeBytes: doc.preview!.sizeBytes,
      fileName: 'card-front-preview.jpg',
    });
    const bytes = await h.readDownload(opened.transferObject);
    await h.os.delete(opened.transferObject);
    expect(bytes.length).toBe(doc.preview!.sizeBytes);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 360, height: 480 });
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('Ada Lovelace'))).toBe(false);

    const [row] = await h.sql.query(
      'SELECT preview_storage_key, preview_sha256 FROM documents.document WHERE id = $1',
      [doc.id],
    );
    expect(row.preview_sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const stored = readFileSync(
      join(h.dir, row.preview_storage_key.slice(0, 2), `${row.preview_storage_key}.bin`),
    );
    expect(stored.subarray(0, 6).toString()).toBe('CLDOC1');
    expect(stored.length).toBe(bytes.length + 6 + 12 + 16);
    expect(stored.includes(bytes.subarray(100, 132))).toBe(false);

    // a PNG too (with transparency, flattened), and never enlarged
    const small = await upload(await photo(300, 120, 'png'), {
      name: 'card-back.png',
      kind: 'insurance_card_back',
    });
    expect(small.preview).toMatchObject({ width: 300, height: 120 });
  });

  it('says a PDF has no preview (not_found), and refuses an image with too many pixels or unreadable pixels, keeping nothing', async () => {
    const eob = await upload(testPdf(5000), { name: 'eob.pdf', kind: 'eob' });
    const none = await rpcError(
      h.rpc.send(
        'documents.document.open',
        { practiceId, documentId: eob.id, size: 'preview' },
        { actor: owner },
      ),
    );
    expect(none).toMatchObject({ code: 'not_found', details: { reason: 'no_preview' } });
    expect(none.message).toBe(
      `Document ${eob.id} is a PDF: there is no preview of a PDF; ask for the original (size=original)`,
    );

    const files = storedFiles().length;
    const rows = (await h.sql.query('SELECT count(*)::int AS n FROM documents.document'))[0].n;
    // 20,000 × 6,000 = 120 megapixels of one colour: about 100 KB as a PNG
    const bomb = await sharp({
      create: { width: 20_000, height: 6_000, channels: 3, background: '#ffffff' },
      limitInputPixels: false,
    })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refused = await rpcError(upload(bomb, { name: 'card.png' }));
    expect(refused).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'file', rule: 'max_pixels' }],
    });
    expect(refused.message).toBe(
      'The image is 20000 × 6000 pixels (120 megapixels); at most 100 megapixels are accepted',
    );
    expect(storedFiles()).toHaveLength(files);
    expect((await h.sql.query('SELECT count(*)::int AS n FROM documents.document'))[0].n).toBe(rows);
    expect(await h.objectNames()).toEqual([]);
  });

  it('lists a practice’s documents newest first, by link and kind, paginated, without deleted ones', async () => {
    const listed = randomUUID();
    const listOwner: Actor = { userId: 'owner-3', role: 'practice_owner', practiceIds: [listed] };
    const policyId = randomUUID();
    // a practice of its own, so the other tests' documents do not count
    const register = async (
      bytes: Buffer,
      linkedType: DocumentLinkType,
      linkedId: string,
      kind: DocumentKind,
      name: string,
    ) => {
      const transferObject = `upload/${randomUUID()}`;
      await h.putUpload(transferObject, bytes);
      return h.rpc.send(
        'documents.document.register',
        { practiceId: listed, linkedType, linkedId, kind, name, transferObject },
        { actor: listOwner },
      );
    };
    const front = await register(jpeg(3000), 'policy', policyId, 'insurance_card_front', 'front.jpg');
    const back = await register(jpeg(3000), 'policy', policyId, 'insurance_card_back', 'back.jpg');
    const eob = await register(testPdf(3000), 'client', clientId, 'eob', 'eob.pdf');
    const gone = await register(testPdf(3000), 'client', clientId, 'other', 'old.pdf');
    await h.rpc.send(
      'documents.document.remove',
      { practiceId: listed, documentId: gone.id },
      { actor: listOwner },
    );

    const list = (q: Record<string, unknown>, actor: Actor = listOwner) =>
      h.rpc.send('documents.document.list', { practiceId: listed, ...q }, { actor });
    const all = await list({});
    expect(all).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(all.items.map((d) => d.id)).toEqual([eob.id, back.id, front.id]);
    expect(all.items[0]).toEqual(eob);

    expect((await list({ linkedType: 'policy', linkedId: policyId })).items.map((d) => d.id)).toEqual([
      back.id,
      front.id,
    ]);
    expect(
      (await list({ linkedType: 'policy', linkedId: policyId, kind: 'insurance_card_back' })).items.map(
        (d) => d.id,
      ),
    ).toEqual([back.id]);
    expect((await list({ linkedId: clientId })).items.map((d) => d.id)).toEqual([eob.id]);
    expect(await list({ limit: 2, offset: 2 })).toMatchObject({
      total: 3,
      limit: 2,
      offset: 2,
      items: [{ id: front.id }],
    });

    // another practice's list is not found (issue #13; it used to be an empty page); bad filters are named
    expect(await rpcError(list({}, owner))).toMatchObject({
      code: 'not_found',
      message: `Practice ${listed} was not found`,
    });
    expect(await rpcError(list({ linkedType: 'invoice', limit: 1000 }))).toMatchObject({
      code: 'validation_failed',
      errors: expect.arrayContaining([
        expect.objectContaining({ field: 'linkedType' }),
        expect.objectContaining({ field: 'limit' }),
      ]),
    });
  });

  it('answers not_found for another practice’s document, for uploads into a practice out of scope, and after a soft delete', async () => {
    const doc = await upload(jpeg(2000));
    for (const subject of [
      'documents.document.get',
      'documents.document.open',
      'documents.document.remove',
    ] as const) {
      expect(
        await rpcError(h.rpc.send(subject, { practiceId, documentId: doc.id }, { actor: otherOwner })),
      ).toMatchObject({ code: 'not_found' });
      expect(
        await rpcError(
          h.rpc.send(subject, { practiceId: otherPracticeId, documentId: doc.id }, { actor: otherOwner }),
        ),
      ).toMatchObject({ code: 'not_found' });
    }
    expect(await rpcError(upload(jpeg(2000), { actor: otherOwner }))).toMatchObject({ code: 'not_found' });
    expect(await h.objectNames()).toEqual([]);
    // A practice that does not exist is not found like another's (issue #13), and the upload is not kept either.
    const nowhere = randomUUID();
    h.absentPractices.add(nowhere);
    expect(await rpcError(upload(jpeg(2000), { actor: admin, practiceId: nowhere }))).toMatchObject({
      code: 'not_found',
      message: `Practice ${nowhere} was not found`,
    });
    expect(await h.objectNames()).toEqual([]);

    expect(
      await h.rpc.send('documents.document.remove', { practiceId, documentId: doc.id }, { actor: owner }),
    ).toEqual({ removed: true });
    expect(
      await rpcError(
        h.rpc.send('documents.document.get', { practiceId, documentId: doc.id }, { actor: owner }),
      ),
    ).toMatchObject({ code: 'not_found' });
    const [row] = await h.sql.query('SELECT deleted_at, deleted_by FROM documents.document WHERE id = $1', [
      doc.id,
    ]);
    expect(row).toMatchObject({ deleted_by: 'owner-1', deleted_at: expect.any(Date) });
  });

  it('reports a tampered stored file and does not serve it', async () => {
    const bytes = jpeg(300_000);
    const doc = await upload(bytes);
    const path = join(h.dir, doc.id.slice(0, 2), `${doc.id}.bin`);
    const file = readFileSync(path);
    file[100_000] ^= 0x01;
    writeFileSync(path, file);

    const error = await rpcError(
      h.rpc.send('documents.document.open', { practiceId, documentId: doc.id }, { actor: owner }),
    );
    expect(error).toMatchObject({ code: 'internal', details: { reason: 'integrity' } });
    expect(error.message).toContain(`Document ${doc.id} failed its integrity check and is not served`);
    expect(await h.objectNames()).toEqual([]);
    const events: { type: string }[] = await h.sql.query(
      `SELECT type, data FROM documents.outbox WHERE aggregate_id = $1 ORDER BY seq`,
      [doc.id],
    );
    expect(events.map((e) => e.type)).toEqual([
      'documents.document.uploaded',
      'documents.document.integrity-failed',
    ]);
  });

  it('checks the preview on read like the original: a tampered preview is reported, not served; the original still is', async () => {
    const doc = await upload(await photo(900, 600, 'png'), { name: 'card.png' });
    const [row] = await h.sql.query('SELECT preview_storage_key FROM documents.document WHERE id = $1', [
      doc.id,
    ]);
    const path = join(h.dir, row.preview_storage_key.slice(0, 2), `${row.preview_storage_key}.bin`);
    const file = readFileSync(path);
    file[40] ^= 0x80;
    writeFileSync(path, file);

    const error = await rpcError(
      h.rpc.send(
        'documents.document.open',
        { practiceId, documentId: doc.id, size: 'preview' },
        { actor: owner },
      ),
    );
    expect(error).toMatchObject({ code: 'internal', details: { reason: 'integrity' } });
    expect(error.message).toContain(
      'failed its integrity check and is not served: its preview: the stored file does not match its authentication tag',
    );
    const original = await h.rpc.send(
      'documents.document.open',
      { practiceId, documentId: doc.id },
      { actor: owner },
    );
    expect((await h.readDownload(original.transferObject)).length).toBe(doc.sizeBytes);
    await h.os.delete(original.transferObject);
    expect(await h.objectNames()).toEqual([]);
  });
});
