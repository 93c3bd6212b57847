import { createHash, randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { validateEnv } from '@claimline/backend/util-config';
import { GatewayEnv } from '../../src/config/env';
import { DocumentsStack, measureGrowth } from './documents-stack';
import { testPdf } from '@claimline/backend/util-testing';

const MAX = 10 * 1024 * 1024;
const MB = 1024 * 1024;
const BOUNDARY = '----claimline-gateway-test-boundary';

interface Part {
  name: string;
  value?: string;
  filename?: string;
  type?: string;
  data?: Buffer;
}

/** A multipart/form-data body, as a browser's FormData would send it. */
function form(parts: Part[]): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`,
        'utf8',
      ),
    );
    chunks.push(p.data ?? Buffer.from(p.value ?? '', 'utf8'));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

const photo = (width: number, height: number) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Uploads through the real gateway and documents-service processes (multipart and raw), the
 * linked-record check, listing, previews, and how much memory a 10 MB upload costs each process.
 */
describe('documents through the gateway (gateway and documents-service as processes, real PostgreSQL and NATS)', () => {
  const stack = new DocumentsStack();
  const practiceId = randomUUID();
  const clientId = randomUUID();
  const policyId = randomUUID();
  const enrollmentId = randomUUID();
  const otherPracticeClient = randomUUID();
  const otherPracticeEnrollment = randomUUID();
  const claimId = randomUUID();
  const otherPracticeClaim = randomUUID();
  const url = (path = '') => `${stack.base}/api/v1/practices/${practiceId}/documents${path}`;
  const auth = () => ({ authorization: `Bearer ${stack.token}` });

  async function send(body: Buffer, headers: Record<string, string> = {}, path = '') {
    const res = await fetch(url(path), {
      method: 'POST',
      headers: { ...auth(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
      body,
    });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      body: text ? JSON.parse(text) : undefined,
    };
  }

  const fields = (link: { linkedType?: string; linkedId?: string; kind?: string } = {}): Part[] => [
    { name: 'linkedType', value: link.linkedType ?? 'client' },
    { name: 'linkedId', value: link.linkedId ?? clientId },
    { name: 'kind', value: link.kind ?? 'insurance_card_front' },
  ];
  const filePart = (data: Buffer, filename: string, type: string): Part => ({
    name: 'file',
    filename,
    type,
    data,
  });

  async function get(path: string) {
    const res = await fetch(url(path), { headers: auth() });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  }

  async function storedCount(): Promise<number> {
    return (
      await stack.rpc.send(
        'documents.document.list',
        { practiceId, limit: 1 },
        { actor: { userId: 'test', role: 'admin', practiceIds: null } },
      )
    ).total;
  }

  beforeAll(async () => {
    stack.records.clients.push(
      { practiceId, id: clientId },
      { practiceId: randomUUID(), id: otherPracticeClient },
    );
    stack.records.policies.push({ practiceId, id: policyId });
    stack.records.claims.push(
      { practiceId, id: claimId },
      { practiceId: randomUUID(), id: otherPracticeClaim },
    );
    stack.records.enrollments.push(
      { practiceId, id: enrollmentId },
      { practiceId: randomUUID(), id: otherPracticeEnrollment },
    );
    await stack.setUp();
  }, 180_000);

  afterAll(async () => {
    await stack.tearDown();
  }, 60_000);

  it('reads DOCUMENT_MAX_BYTES (10 MB by default) like documents-service', () => {
    const base = { DATABASE_URL: 'postgres://x/y', JWT_SECRET: 'x'.repeat(32) };
    expect(validateEnv('api-gateway', GatewayEnv, base).DOCUMENT_MAX_BYTES).toBe(MAX);
    expect(
      validateEnv('api-gateway', GatewayEnv, { ...base, DOCUMENT_MAX_BYTES: '2097152' }).DOCUMENT_MAX_BYTES,
    ).toBe(2 * MB);
    expect(() => validateEnv('api-gateway', GatewayEnv, { ...base, DOCUMENT_MAX_BYTES: '0' })).toThrow(
      /DOCUMENT_MAX_BYTES/,
    );
  });

  it('takes a multipart upload and gives the same bytes back; lists it newest first; its preview is a JPEG of at most 480 px', async () => {
    const card = await photo(1600, 1000);
    const up = await send(form([...fields(), filePart(card, 'card front.png', 'image/png')]));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      practiceId,
      linkedType: 'client',
      linkedId: clientId,
      kind: 'insurance_card_front',
      originalName: 'card front.png',
      contentType: 'image/png',
      sizeBytes: card.length,
      sha256: sha256(card),
      preview: { contentType: 'image/jpeg', width: 480, height: 300 },
    });
    // the gateway asked client-insurance, as the uploader, whether the client is the practice's
    expect(stack.lookups).toContainEqual({
      subject: 'client-insurance.client.get',
      data: { practiceId, clientId },
      actor: expect.objectContaining({ role: 'admin' }),
    });

    const original = await get(`/${up.body.id}/content`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/png');
    expect(original.headers.get('content-disposition')).toBe(`attachment; filename*=UTF-8''card%20front.png`);
    expect(original.bytes.equals(card)).toBe(true);

    const preview = await get(`/${up.body.id}/content?size=preview`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toBe('image/jpeg');
    expect(preview.headers.get('content-disposition')).toBe(
      `inline; filename*=UTF-8''card%20front-preview.jpg`,
    );
    expect(preview.headers.get('cache-control')).toBe('no-store');
    const meta = await sharp(preview.bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(480);

    // a second one, a PDF linked to the policy, with its name from a field
    const eob = testPdf(40_000);
    const second = await send(
      form([
        ...fields({ linkedType: 'policy', linkedId: policyId, kind: 'eob' }),
        { name: 'name', value: 'EOB March.pdf' },
        filePart(eob, 'scan0001.pdf', 'application/pdf'),
      ]),
    );
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      originalName: 'EOB March.pdf',
      contentType: 'application/pdf',
      preview: null,
    });
    const noPreview = await fetch(url(`/${second.body.id}/content?size=preview`), { headers: auth() });
    expect(noPreview.status).toBe(404);
    expect(((await noPreview.json()) as { detail: string }).detail).toContain('there is no preview of a PDF');

    const list = await fetch(url(), { headers: auth() });
    expect(list.status).toBe(200);
    const page = (await list.json()) as { items: { id: string }[]; total: number };
    expect(page.items.slice(0, 2).map((d) => d.id)).toEqual([second.body.id, up.body.id]);
    const byPolicy = (await (
      await fetch(url(`?linkedType=policy&linkedId=${policyId}`), { headers: auth() })
    ).json()) as { items: { id: string }[]; total: number };
    expect(byPolicy).toMatchObject({ total: 1, items: [{ id: second.body.id }] });
    const badFilter = await fetch(url('?kind=selfie&practiceId=x'), { headers: auth() });
    expect(badFilter.status).toBe(422);
  });

  it('still takes the raw file as the body with the fields in the query', async () => {
    const eob = testPdf(5000);
    const qs = new URLSearchParams({
      linkedType: 'enrollment',
      linkedId: enrollmentId,
      kind: 'enrollment_form',
      name: 'form.pdf',
    });
    const res = await fetch(url(`?${qs}`), {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/pdf' },
      body: eob,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      linkedType: 'enrollment',
      linkedId: enrollmentId,
      sha256: sha256(eob),
    });
    // a claim's CMS-1500 kept for the record: the gateway asked claims-service whether the claim is the practice's
    const form1500 = testPdf(5000);
    const claimDoc = await fetch(
      url(
        `?${new URLSearchParams({ linkedType: 'claim', linkedId: claimId, kind: 'other', name: 'CMS-1500.pdf' })}`,
      ),
      { method: 'POST', headers: { ...auth(), 'content-type': 'application/pdf' }, body: form1500 },
    );
    expect(claimDoc.status).toBe(201);
    expect(await claimDoc.json()).toMatchObject({
      linkedType: 'claim',
      linkedId: claimId,
      sha256: sha256(form1500),
    });
    expect(stack.lookups).toContainEqual(
      expect.objectContaining({ subject: 'claims.claim.get', data: { practiceId, claimId } }),
    );
  });

  it('refuses a link to a record that is not in the practice (422 on linkedId), storing nothing', async () => {
    const before = await storedCount();
    const file = filePart(testPdf(3000), 'a.pdf', 'application/pdf');
    for (const [linkedType, linkedId, what] of [
      ['client', randomUUID(), 'client'],
      ['client', otherPracticeClient, 'client'],
      ['policy', randomUUID(), 'policy'],
      ['enrollment', otherPracticeEnrollment, 'enrollment'],
      ['claim', randomUUID(), 'claim'],
      ['claim', otherPracticeClaim, 'claim'],
    ]) {
      const refused = await send(form([...fields({ linkedType, linkedId }), file]));
      expect({ linkedType, status: refused.status, errors: refused.body.errors }).toEqual({
        linkedType,
        status: 422,
        errors: [{ field: 'linkedId', rule: 'exists', message: `There is no such ${what} in this practice` }],
      });
    }
    // A `message` link is checked with messaging-service (the thread); the API e2e suite covers it.
    const raw = await fetch(url(`?linkedType=client&linkedId=${randomUUID()}&kind=eob&name=a.pdf`), {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/pdf' },
      body: testPdf(3000),
    });
    expect(raw.status).toBe(422);
    expect(await storedCount()).toBe(before);
  });

  it('answers a malformed form with a problem naming what is wrong', async () => {
    const file = filePart(testPdf(3000), 'a.pdf', 'application/pdf');
    const noFile = await send(form(fields()));
    expect(noFile).toMatchObject({ status: 422, body: { errors: [{ field: 'file', rule: 'required' }] } });
    expect(noFile.type).toContain('application/problem+json');

    const twoFiles = await send(
      form([...fields(), file, filePart(testPdf(3000), 'b.pdf', 'application/pdf')]),
    );
    expect(twoFiles).toMatchObject({ status: 422, body: { errors: [{ field: 'file', rule: 'max_count' }] } });

    const noKind = await send(form([...fields().filter((f) => f.name !== 'kind'), file]));
    expect(noKind.status).toBe(422);
    expect(noKind.body.errors.map((e: { field: string }) => e.field)).toEqual(['kind']);

    const unknown = await send(form([...fields(), { name: 'practiceId', value: randomUUID() }, file]));
    expect(unknown).toMatchObject({
      status: 422,
      body: { errors: [{ field: 'practiceId', rule: 'unknown_field' }] },
    });

    const inQuery = await send(form([...fields(), file]), {}, '?kind=eob');
    expect(inQuery).toMatchObject({ status: 422, body: { errors: [{ field: 'kind', rule: 'form_field' }] } });

    const disguised = await send(
      form([
        ...fields(),
        filePart(Buffer.from('<!doctype html><script>alert(1)</script>'), 'card.jpg', 'image/jpeg'),
      ]),
    );
    expect(disguised).toMatchObject({
      status: 422,
      body: { errors: [{ field: 'file', rule: 'content_type' }] },
    });

    const noBoundary = await send(form([...fields(), file]), { 'content-type': 'multipart/form-data' });
    expect(noBoundary).toMatchObject({
      status: 400,
      body: { detail: 'The multipart body cannot be read: Multipart: Boundary not found' },
    });

    // a form anywhere else is not read at all: JSON only
    const elsewhere = await fetch(`${stack.base}/api/v1/practices`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body: form(fields()),
    });
    expect(elsewhere.status).toBe(415);
  });

  it('refuses 10 MB + 1 byte (413) and takes exactly 10 MB, streamed: neither process holds as much as half the file', async () => {
    const processes = [stack.gateway, stack.documents];
    const upload = (data: Buffer, name: string) =>
      send(form([...fields({ kind: 'other' }), filePart(data, name, 'application/pdf')]));
    // warm-up: code paths, pools and connections of an accepted upload
    expect((await upload(testPdf(MB), 'warm.pdf')).status).toBe(201);

    const tooBig = testPdf(MAX + 1);
    const refused = await measureGrowth(processes, () => upload(tooBig, 'big.pdf'));
    expect(refused.result.status).toBe(413);
    expect(refused.result.body.detail).toBe('The file is larger than the limit of 10 MB (10485760 bytes)');

    const exact = testPdf(MAX);
    const accepted = await measureGrowth(processes, () => upload(exact, 'exact.pdf'));
    expect(accepted.result.status).toBe(201);
    expect(accepted.result.body).toMatchObject({ sizeBytes: MAX, sha256: sha256(exact) });

    const mb = (bytes: number[]) => bytes.map((b) => `${(b / MB).toFixed(1)} MB`).join(' / ');
    console.log(
      [
        'memory growth during a 10 MB upload, gateway / documents-service:',
        `  10 MB + 1 refused: live ${mb(refused.live)}, RSS ${mb(refused.rss)}`,
        `  10 MB accepted:    live ${mb(accepted.live)}, RSS ${mb(accepted.rss)}`,
      ].join('\n'),
    );
    // Live memory (after a full GC) is what a process holds; RSS also counts garbage not yet collected.
    for (const growth of [...refused.live, ...accepted.live]) expect(growth).toBeLessThan(MAX / 2);

    // the downloaded copy is the uploaded one, and the download is flow-controlled too
    const back = await measureGrowth(processes, () => get(`/${accepted.result.body.id}/content`));
    expect(back.result.bytes.length).toBe(MAX);
    expect(sha256(back.result.bytes)).toBe(sha256(exact));
    for (const growth of back.live) expect(growth).toBeLessThan(MAX / 2);
  }, 180_000);
});
