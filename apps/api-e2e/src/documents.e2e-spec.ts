import { createHash, randomUUID } from 'node:crypto';
import { API_URL, address, api, login, uniqueName, users } from './client';

// A real 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function upload(token: string, practiceId: string, body: Buffer, contentType: string, name: string) {
  const qs = new URLSearchParams({ linkedType: 'client', linkedId: randomUUID(), kind: 'insurance_card_front', name });
  const res = await fetch(`${API_URL}/api/v1/practices/${practiceId}/documents?${qs}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe('documents through the gateway', () => {
  let staff: string;
  let admin: string;
  let practiceId: string;

  beforeAll(async () => {
    staff = (await login(users.staff)).accessToken;
    admin = (await login(users.admin)).accessToken;
    practiceId = (await api('GET', '/auth/me', { token: (await login(users.owner)).accessToken })).body.practiceId;
  });

  it('stores an insurance card and gives back the same bytes, with its metadata and checksum', async () => {
    const up = await upload(staff, practiceId, PNG, 'image/png', 'card-front.png');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      practiceId,
      kind: 'insurance_card_front',
      contentType: 'image/png',
      sizeBytes: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
    });

    const meta = await api('GET', `/practices/${practiceId}/documents/${up.body.id}`, { token: staff });
    expect(meta.status).toBe(200);
    expect(meta.body.id).toBe(up.body.id);

    const content = await fetch(`${API_URL}/api/v1/practices/${practiceId}/documents/${up.body.id}/content`, {
      headers: { authorization: `Bearer ${staff}` },
    });
    expect(content.status).toBe(200);
    expect(content.headers.get('content-type')).toContain('image/png');
    expect(Buffer.from(await content.arrayBuffer()).equals(PNG)).toBe(true);

    const audit = await api('GET', `/audit-events?resourceId=${up.body.id}`, { token: admin });
    expect(audit.body.items.map((a: any) => `${a.resourceType}:${a.action}`)).toEqual(
      expect.arrayContaining(['document:create', 'document:read', 'document_content:read']),
    );
  });

  it('refuses a page disguised as a JPEG, by its bytes, with a 422 on the file', async () => {
    const html = Buffer.from('<!doctype html><script>alert(1)</script>');
    const refused = await upload(staff, practiceId, html, 'image/jpeg', 'card.jpg');
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ field: 'file' });
  });

  it("keeps another practice's documents out of reach (404)", async () => {
    const other = await api('POST', '/practices', { token: admin, body: { type: 'solo', name: uniqueName('Doc Elsewhere'), phone: '5125550100', address } });
    const theirs = await upload(admin, other.body.id, PNG, 'image/png', 'theirs.png');
    expect(theirs.status).toBe(201);
    expect((await api('GET', `/practices/${other.body.id}/documents/${theirs.body.id}`, { token: staff })).status).toBe(404);
    // The same id under the staff member's own practice is not found either.
    expect((await api('GET', `/practices/${practiceId}/documents/${theirs.body.id}`, { token: staff })).status).toBe(404);
    expect((await upload(staff, other.body.id, PNG, 'image/png', 'x.png')).status).toBe(404);
  });
});
