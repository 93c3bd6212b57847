import { createHash, randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { waitFor } from '@claimline/backend/util-testing';
import {
  accessToken,
  address,
  api,
  API_URL,
  DocumentLink,
  EVENTUALLY,
  uniqueName,
  uploadForm,
  users,
} from './client';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** A real PNG of width × height (an RGB gradient), to see its preview made smaller. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 128], row + 1 + x * 3);
  }
  return Buffer.concat([
    PNG.subarray(0, 8),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height from a JPEG's start-of-frame marker. */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  let at = 2;
  while (at < jpeg.length) {
    const marker = jpeg[at + 1];
    const length = jpeg.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  throw new Error('no frame header in the JPEG');
}

/** The raw file as the body, the fields in the query. */
async function uploadRaw(
  token: string,
  practiceId: string,
  link: DocumentLink,
  body: Buffer,
  contentType: string,
  name: string,
) {
  const qs = new URLSearchParams({
    linkedType: link.linkedType,
    linkedId: link.linkedId,
    kind: link.kind ?? 'insurance_card_front',
    name,
  });
  const res = await fetch(`${API_URL}/api/v1/practices/${practiceId}/documents?${qs}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function content(token: string, practiceId: string, documentId: string, size?: 'preview') {
  const res = await fetch(
    `${API_URL}/api/v1/practices/${practiceId}/documents/${documentId}/content${size ? `?size=${size}` : ''}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function createClient(token: string, practiceId: string): Promise<string> {
  const body = {
    firstName: 'Ada',
    lastName: uniqueName('Cardholder'),
    birthDate: '1985-04-12',
    address,
    billingType: 'insurance',
  };
  return waitFor(
    `a client in practice ${practiceId}`,
    async () => {
      const r = await api('POST', `/practices/${practiceId}/clients`, { token, body });
      return r.status === 201 ? (r.body.id as string) : null;
    },
    ...EVENTUALLY,
  );
}

describe('documents through the gateway', () => {
  let staff: string;
  let admin: string;
  let practiceId: string;
  let clientId: string;

  beforeAll(async () => {
    staff = await accessToken(users.staff);
    admin = await accessToken(users.admin);
    practiceId = (await api('GET', '/auth/me', { token: await accessToken(users.owner) })).body.practiceId;
    clientId = await createClient(staff, practiceId);
  });

  it('takes an insurance card as a multipart form, gives back the same bytes, lists it and shows a preview of at most 480 px', async () => {
    const card = png(1000, 640);
    const up = await uploadForm(
      staff,
      practiceId,
      { linkedType: 'client', linkedId: clientId },
      card,
      'card-front.png',
      'image/png',
    );
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      practiceId,
      linkedType: 'client',
      linkedId: clientId,
      kind: 'insurance_card_front',
      originalName: 'card-front.png',
      contentType: 'image/png',
      sizeBytes: card.length,
      sha256: createHash('sha256').update(card).digest('hex'),
      preview: { contentType: 'image/jpeg', width: 480, height: 307 },
    });

    const original = await content(staff, practiceId, up.body.id);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toContain('image/png');
    expect(original.bytes.equals(card)).toBe(true);

    const preview = await content(staff, practiceId, up.body.id, 'preview');
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toContain('image/jpeg');
    expect(preview.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const size = jpegSize(preview.bytes);
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(480);

    const listed = await api(
      'GET',
      `/practices/${practiceId}/documents?linkedType=client&linkedId=${clientId}`,
      { token: staff },
    );
    expect(listed.status).toBe(200);
    expect(listed.body.items[0]).toMatchObject({ id: up.body.id, originalName: 'card-front.png' });

    const audit = await api('GET', `/audit-events?resourceId=${up.body.id}`, { token: admin });
    expect(audit.body.items.map((a: any) => `${a.resourceType}:${a.action}`)).toEqual(
      expect.arrayContaining(['document:create', 'document_content:read']),
    );
    const listAudit = await api(
      'GET',
      `/audit-events?resourceType=document&action=list&practiceId=${practiceId}`,
      { token: admin },
    );
    expect(listAudit.body.items.length).toBeGreaterThan(0);
  });

  it('still takes the raw file as the body; a PDF has no preview (404)', async () => {
    const up = await uploadRaw(
      staff,
      practiceId,
      { linkedType: 'client', linkedId: clientId, kind: 'eob' },
      PDF,
      'application/pdf',
      'eob.pdf',
    );
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ contentType: 'application/pdf', preview: null });
    const preview = await api(
      'GET',
      `/practices/${practiceId}/documents/${up.body.id}/content?size=preview`,
      { token: staff },
    );
    expect(preview.status).toBe(404);
    expect(preview.body.detail).toContain('there is no preview of a PDF');
  });

  it('refuses a page disguised as a JPEG, by its bytes, with a 422 on the file', async () => {
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const refused = await uploadForm(
      staff,
      practiceId,
      { linkedType: 'client', linkedId: clientId },
      html,
      'card.jpg',
      'image/jpeg',
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'file' });
  });

  it('refuses a link to a client or a claim that is not in the practice', async () => {
    const nobody = await uploadForm(
      staff,
      practiceId,
      { linkedType: 'client', linkedId: randomUUID() },
      PNG,
      'card.png',
      'image/png',
    );
    expect(nobody.status).toBe(422);
    expect(nobody.body.errors).toEqual([
      { field: 'linkedId', rule: 'exists', message: 'There is no such client in this practice' },
    ]);
    const claim = await uploadForm(
      staff,
      practiceId,
      { linkedType: 'claim', linkedId: randomUUID() },
      PNG,
      'card.png',
      'image/png',
    );
    expect(claim.status).toBe(422);
    expect(claim.body.errors[0]).toMatchObject({ field: 'linkedId', rule: 'exists' });
  });

  it("keeps another practice's documents out of reach (404)", async () => {
    const other = await api('POST', '/practices', {
      token: admin,
      body: { type: 'solo', name: uniqueName('Doc Elsewhere'), phone: '5125550100', address },
    });
    const theirClient = await createClient(admin, other.body.id);
    const theirs = await uploadForm(
      admin,
      other.body.id,
      { linkedType: 'client', linkedId: theirClient },
      PNG,
      'theirs.png',
      'image/png',
    );
    expect(theirs.status).toBe(201);
    expect(
      (await api('GET', `/practices/${other.body.id}/documents/${theirs.body.id}`, { token: staff })).status,
    ).toBe(404);
    // The same id under the staff member's own practice is not found either, and their list is 404 (issue #13).
    expect(
      (await api('GET', `/practices/${practiceId}/documents/${theirs.body.id}`, { token: staff })).status,
    ).toBe(404);
    expect((await api('GET', `/practices/${other.body.id}/documents`, { token: staff })).status).toBe(404);
    expect(
      (
        await uploadForm(
          staff,
          other.body.id,
          { linkedType: 'client', linkedId: theirClient },
          PNG,
          'x.png',
          'image/png',
        )
      ).status,
    ).toBe(404);
  });
});
