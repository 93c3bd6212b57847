import { randomUUID } from 'node:crypto';
import { waitFor } from '@claimline/backend/util-testing';
import {
  accessToken,
  address,
  api,
  billingAddress,
  EVENTUALLY,
  uniqueName,
  uploadForm,
  users,
} from './client';

const MEDICARE_TX = 'Medicare (Novitas JH Part B, Texas)';
const KAISER = 'Kaiser Permanente (Northern California)';

const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

/** Uploads a signed enrollment form for a record of a practice, as the console does (multipart). */
async function uploadPdf(token: string, practiceId: string, linkedType: string, linkedId: string) {
  const link = { linkedType, linkedId, kind: 'enrollment_form' };
  const r = await uploadForm(token, practiceId, link, PDF, 'edi-agreement.pdf', 'application/pdf');
  if (r.status !== 201) throw new Error(`upload failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string };
}

describe('payer enrollments through the gateway', () => {
  let staff: string;
  let owner: string;
  let admin: string;
  const payer: Record<string, string> = {};

  async function payerId(search: string, name: string): Promise<string> {
    const r = await api('GET', `/payers?search=${encodeURIComponent(search)}&limit=50`, { token: staff });
    const found = r.body.items.find((p: any) => p.name === name);
    if (!found) throw new Error(`payer ${name} not found by "${search}"`);
    return found.id;
  }

  /** A practice billing staff create, with a legal name and, unless told otherwise, a full billing profile. */
  async function practice(withTaxId = true): Promise<string> {
    const created = await api('POST', '/practices', {
      token: staff,
      body: {
        type: 'group',
        name: uniqueName('Enroll Harbor'),
        legalName: 'Harbor Group Counseling LLC',
        phone: '5125550150',
        email: `office-${randomUUID().slice(0, 8)}@harbor.test`,
        address,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const profile = await api('PUT', `/practices/${id}/billing-profile`, {
      token: staff,
      body: {
        version: 0,
        billAs: 'organization',
        organizationNpi: '1982947636',
        ...(withTaxId && { taxId: { kind: 'ein', value: '123456789' } }),
        taxonomyCode: '261QM0801X',
        billingAddress,
        serviceFacilityLocation: false,
      },
    });
    expect(profile.status).toBe(200);
    return id;
  }

  async function clientWith(practiceId: string, payerIdValue: string): Promise<void> {
    const client = await api('POST', `/practices/${practiceId}/clients`, {
      token: staff,
      body: {
        firstName: 'Ada',
        lastName: uniqueName('Byron'),
        birthDate: '1985-04-12',
        sex: 'F',
        phone: '(512) 555-0101',
        address,
      },
    });
    expect(client.status).toBe(201);
    const policy = await api('POST', `/practices/${practiceId}/clients/${client.body.id}/policies`, {
      token: staff,
      body: { order: 'primary', payerId: payerIdValue, memberId: 'W123456789', relationship: 'self' },
    });
    expect(policy.status).toBe(201);
  }

  const listed = async (practiceId: string, payerIdValue: string, type: string) => {
    const r = await api('GET', `/practices/${practiceId}/enrollments`, { token: staff });
    expect(r.status).toBe(200);
    return r.body.items.find((i: any) => i.payerId === payerIdValue && i.type === type);
  };

  beforeAll(async () => {
    admin = await accessToken(users.admin);
    staff = await accessToken(users.staff);
    owner = await accessToken(users.owner);
    payer.medicare = await payerId('novitas', MEDICARE_TX);
    payer.kaiser = await payerId('kaiser', KAISER);
    // The service reads the payer directory from client-insurance at startup.
    await waitFor(
      'the payer directory in enrollments',
      async () => {
        const id = await practice();
        return (await listed(id, payer.medicare, 'claim_filing')) !== undefined;
      },
      ...EVENTUALLY,
    );
  });

  it('takes a practice’s first Medicare client from no_clients_on_file to enroll, submitted, document_required, submitted, accepted', async () => {
    const id = await practice();
    expect(await listed(id, payer.medicare, 'claim_filing')).toMatchObject({
      id: null,
      status: 'no_clients_on_file',
      canEnroll: false,
    });

    await clientWith(id, payer.medicare);
    const row = await waitFor(
      'Medicare claim filing to need enrollment',
      async () => {
        const r = await listed(id, payer.medicare, 'claim_filing');
        // The derived status shows as soon as the read model has the client; the row (with its id and history) follows.
        return r?.status === 'enroll' && r.id ? r : null;
      },
      ...EVENTUALLY,
    );

    const preview = await api(
      'GET',
      `/practices/${id}/enrollments/preview?payerId=${payer.medicare}&type=claim_filing`,
      { token: staff },
    );
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      ready: true,
      missing: [],
      request: {
        payerName: MEDICARE_TX,
        legalName: 'Harbor Group Counseling LLC',
        billingNpi: '1982947636',
        taxId: { kind: 'ein', value: '12-3456789' },
        taxonomyCode: '261QM0801X',
      },
    });

    const submitted = await api('POST', `/practices/${id}/enrollments`, {
      token: staff,
      body: { payerId: payer.medicare, type: 'claim_filing' },
    });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({
      id: row.id,
      status: 'submitted',
      billingNpi: '1982947636',
      taxId: '12-3456789',
    });
    const again = await api('POST', `/practices/${id}/enrollments`, {
      token: staff,
      body: { payerId: payer.medicare, type: 'claim_filing' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ enrollmentStatus: 'submitted', enrollmentId: row.id });

    const docReq = await api('PATCH', `/enrollments/${row.id}`, {
      token: staff,
      body: {
        version: submitted.body.version,
        action: 'require_document',
        instructions: 'Sign the EDI agreement',
      },
    });
    expect(docReq.status).toBe(200);
    expect(docReq.body).toMatchObject({
      status: 'document_required',
      instructions: 'Sign the EDI agreement',
    });
    // Two staff answering from the same version: the second gets 409.
    const stale = await api('PATCH', `/enrollments/${row.id}`, {
      token: staff,
      body: { version: submitted.body.version, action: 'accept' },
    });
    expect(stale.status).toBe(409);

    // The document must exist, be this practice's and have been uploaded for this enrollment (issue #13):
    // a random id, another practice's document or one of a client is 422 on documentId, and nothing moves.
    const otherId = await practice();
    await clientWith(otherId, payer.medicare);
    const otherRow = await waitFor(
      'another practice to have an enrollment row',
      async () => {
        const r = await listed(otherId, payer.medicare, 'claim_filing');
        return r?.id ? r : null;
      },
      ...EVENTUALLY,
    );
    const theirs = await uploadPdf(admin, otherId, 'enrollment', otherRow.id);
    for (const documentId of [randomUUID(), theirs.id]) {
      const refused = await api('PATCH', `/enrollments/${row.id}`, {
        token: staff,
        body: { version: docReq.body.version, action: 'attach_document', documentId },
      });
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'documentId' })]);
    }
    expect((await api('GET', `/enrollments/${row.id}`, { token: staff })).body).toMatchObject({
      status: 'document_required',
      version: docReq.body.version,
    });
    const form = await uploadPdf(staff, id, 'enrollment', row.id);
    const attached = await api('PATCH', `/enrollments/${row.id}`, {
      token: staff,
      body: { version: docReq.body.version, action: 'attach_document', documentId: form.id },
    });
    expect(attached.body).toMatchObject({ status: 'submitted' });
    const accepted = await api('PATCH', `/enrollments/${row.id}`, {
      token: staff,
      body: { version: attached.body.version, action: 'accept' },
    });
    expect(accepted.body).toMatchObject({ status: 'accepted' });

    const history = await api('GET', `/enrollments/${row.id}/history`, { token: staff });
    expect(history.body.items.map((e: any) => `${e.from}→${e.to}`)).toEqual([
      'no_clients_on_file→enroll',
      'enroll→submitted',
      'submitted→document_required',
      'document_required→submitted',
      'submitted→accepted',
    ]);
    expect((await api('GET', `/enrollments/${row.id}`, { token: staff })).body).toMatchObject({
      status: 'accepted',
      canEnroll: false,
    });

    // The practice was e-mailed through the notifications service: document request and acceptance, once each, no PHI.
    const office = (await api('GET', `/practices/${id}`, { token: staff })).body.email as string;
    const mails = await waitFor(
      'two e-mails to the practice',
      async () => {
        const all = (await fetch(`${process.env['E2E_MAIL_URL']}/messages`).then((r) => r.json())) as {
          to: string[];
          subject: string;
          text: string;
        }[];
        const mine = all.filter((m) => m.to.includes(office));
        return mine.length >= 2 ? mine : null;
      },
      ...EVENTUALLY,
    );
    expect(mails.map((m) => m.subject).sort()).toEqual([
      `An enrollment with ${MEDICARE_TX} needs a document`,
      `Your claim filing enrollment with ${MEDICARE_TX} was accepted`,
    ]);
    for (const m of mails) {
      // The client behind this enrollment: Ada Byron…, born 1985-04-12, member W123456789.
      expect(`${m.subject}\n${m.text}`).not.toMatch(/Byron|W123456789|1985-04-12/);
    }
  });

  it('shows payment reports of Kaiser (no ERA) as not_supported and refuses to enroll in them', async () => {
    const id = await practice();
    await clientWith(id, payer.kaiser);
    await waitFor(
      'Kaiser claim filing to be not required',
      async () => (await listed(id, payer.kaiser, 'claim_filing'))?.status === 'not_required',
      ...EVENTUALLY,
    );
    expect(await listed(id, payer.kaiser, 'payment_reports')).toMatchObject({
      status: 'not_supported',
      statusLabel: 'Payment reports not supported',
    });
    const refused = await api('POST', `/practices/${id}/enrollments`, {
      token: staff,
      body: { payerId: payer.kaiser, type: 'payment_reports' },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      enrollmentStatus: 'not_supported',
      detail: expect.stringContaining('does not offer payment reports'),
    });
  });

  it('refuses +Enroll with 422 naming the missing Tax ID', async () => {
    const id = await practice(false);
    await clientWith(id, payer.medicare);
    await waitFor(
      'Medicare claim filing to need enrollment',
      async () => (await listed(id, payer.medicare, 'claim_filing'))?.status === 'enroll',
      ...EVENTUALLY,
    );
    const refused = await api('POST', `/practices/${id}/enrollments`, {
      token: staff,
      body: { payerId: payer.medicare, type: 'claim_filing' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      {
        field: 'billingProfile.taxId',
        rule: 'required',
        message: 'Tax ID (EIN or SSN) is required to enroll; add it in practice settings',
      },
    ]);
    expect((await listed(id, payer.medicare, 'claim_filing')).status).toBe('enroll');
  });

  it('keeps staff actions to staff (403), other practices out (404, their list too) and audits enrollment routes', async () => {
    const id = await practice();
    await clientWith(id, payer.medicare);
    const row = await waitFor(
      'an enrollment row',
      async () => {
        const r = await listed(id, payer.medicare, 'payment_reports');
        return r?.id ? r : null;
      },
      ...EVENTUALLY,
    );
    expect(
      (
        await api('PATCH', `/enrollments/${row.id}`, {
          token: owner,
          body: { version: row.version, action: 'accept' },
        })
      ).status,
    ).toBe(403);
    expect((await api('GET', `/enrollments/${row.id}`, { token: owner })).status).toBe(404);
    // Another practice's list is 404 like its records (issue #13; it used to be an empty list).
    expect((await api('GET', `/practices/${id}/enrollments`, { token: owner })).status).toBe(404);
    const bad = await api('PATCH', `/enrollments/${row.id}`, {
      token: staff,
      body: { version: row.version, action: 'reject' },
    });
    expect(bad.status).toBe(422);
    const audit = await api('GET', `/audit-events?resourceType=enrollment&resourceId=${row.id}`, {
      token: admin,
    });
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: any) => [e.action, e.status])).toEqual(
      expect.arrayContaining([
        ['update', 403],
        ['read', 404],
        ['update', 422],
      ]),
    );
  });
});
