import { randomUUID } from 'node:crypto';
import { INestMicroservice } from '@nestjs/common';
import { Actor } from '@claimline/contracts/common';
import { EnrollmentType, EnrollmentView } from '@claimline/contracts/enrollments';
import { validateEnv } from '@claimline/backend/util-config';
import { createTestDatabase, rpcError, TestDatabase, waitFor } from '@claimline/backend/util-testing';
import { runMigrations } from '@claimline/backend/util-persistence';
import { EnrollmentsEnv } from '../../src/config/env';
import { enrollmentsDataSourceOptions } from '../../src/database/data-source';
import { CLIENT_INSURANCE_DURABLE } from '../../src/enrollments/client-insurance.consumer';
import { billingProfile, Harness, payer, practiceView } from './harness';

describe('enrollments service over NATS (real PostgreSQL and NATS)', () => {
  const h = new Harness();
  let app: INestMicroservice;
  const practiceId = randomUUID();
  const otherPracticeId = randomUUID();
  const staff: Actor = {
    userId: 'staff-1',
    role: 'billing_staff',
    practiceIds: [practiceId, otherPracticeId],
  };
  const staff2: Actor = {
    userId: 'staff-2',
    role: 'billing_staff',
    practiceIds: [practiceId, otherPracticeId],
  };
  const owner: Actor = { userId: 'owner-1', role: 'practice_owner', practiceIds: [practiceId] };
  const otherOwner: Actor = { userId: 'owner-2', role: 'practice_owner', practiceIds: [otherPracticeId] };
  const medicare = payer('Medicare Novitas JH', {
    claimFilingEnrollmentRequired: true,
    eraSupported: true,
    eraEnrollmentRequired: true,
  });
  const kaiser = payer('Kaiser Permanente', {
    claimFilingEnrollmentRequired: false,
    eraSupported: false,
    eraEnrollmentRequired: false,
  });
  const aetna = payer('Aetna', {
    claimFilingEnrollmentRequired: false,
    eraSupported: true,
    eraEnrollmentRequired: true,
  });
  const identity = { billingNpi: '1234567893', taxId: '12-3456789' };
  const payerSetVersion: Record<string, number> = {};

  const start = (databaseUrl = h.db.url) => h.start({ DATABASE_URL: databaseUrl });
  const list = async (actor: Actor, pid: string = practiceId) =>
    (await h.rpc.send('enrollments.enrollment.list', { practiceId: pid }, { actor })).items;
  const find = (items: EnrollmentView[], payerId: string, type: EnrollmentType) =>
    items.filter((i) => i.payerId === payerId && i.type === type);
  const statusOf = async (payerId: string, type: EnrollmentType, pid: string = practiceId) =>
    find(await list(admin(), pid), payerId, type).map((i) => i.status);
  const admin = (): Actor => ({ userId: 'admin-1', role: 'admin', practiceIds: null });
  /** client-insurance announces the practice's full payer set, as `syncPracticePayers` does. */
  const payerSet = async (pid: string, payerIds: string[], added: string[], removed: string[] = []) => {
    payerSetVersion[pid] = (payerSetVersion[pid] ?? 0) + 1;
    await h.publishClientInsurance('client-insurance.practice-payers.changed', pid, pid, {
      practiceId: pid,
      payerIds: [...payerIds].sort(),
      added,
      removed,
      version: payerSetVersion[pid],
    });
  };
  const act = (actor: Actor, enrollmentId: string, version: number, body: Record<string, unknown>) =>
    h.rpc.send('enrollments.enrollment.act', { enrollmentId, version, ...body } as never, { actor });

  beforeAll(async () => {
    await h.setUp();
    for (const p of [medicare, kaiser, aetna]) h.payers.set(p.id, p);
    h.practices.set(practiceId, practiceView(practiceId, 'Riverbend Counseling PLLC'));
    h.profiles.set(practiceId, billingProfile(practiceId));
    h.practices.set(otherPracticeId, practiceView(otherPracticeId, 'Lakeside Therapy LLC'));
    h.profiles.set(otherPracticeId, billingProfile(otherPracticeId, { taxId: null }));
    app = await start();
    await waitFor('the payer directory sync', async () => (await list(admin())).length === 6);
  });

  afterAll(() => h.tearDown());

  it('refuses to boot without a valid PHI encryption key', () => {
    expect(() =>
      validateEnv('enrollments', EnrollmentsEnv, h.serviceEnv({ PHI_ENCRYPTION_KEY: 'c2hvcnQ=' })),
    ).toThrow(/PHI_ENCRYPTION_KEY must be 32 bytes/);
  });

  it('keeps +Enroll to admins, billing staff and practice owners: a clinician of the practice sees the enrollments but may not enroll', async () => {
    const clinician: Actor = { userId: 'clinician-1', role: 'clinician', practiceIds: [practiceId] };
    for (const actor of [admin(), staff, owner, clinician])
      expect((await list(actor)).length).toBeGreaterThan(0);
    expect(
      await rpcError(
        h.rpc.send(
          'enrollments.enrollment.enroll',
          { practiceId, payerId: medicare.id, type: 'claim_filing' },
          { actor: clinician },
        ),
      ),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('takes a practice’s first Medicare client from no_clients_on_file to enroll, submitted, document_required, submitted and accepted', async () => {
    expect(await statusOf(medicare.id, 'claim_filing')).toEqual(['no_clients_on_file']);
    expect(find(await list(owner), medicare.id, 'claim_filing')[0]).toMatchObject({
      id: null,
      canEnroll: false,
      statusLabel: 'No clients on file',
    });
    const early = await rpcError(
      h.rpc.send(
        'enrollments.enrollment.enroll',
        { practiceId, payerId: medicare.id, type: 'claim_filing' },
        { actor: owner },
      ),
    );
    expect(early).toMatchObject({ code: 'conflict', details: { enrollmentStatus: 'no_clients_on_file' } });
    expect(early.message).toContain('add it to a client’s insurance first');

    // The first client with Medicare appears in client-insurance.
    await payerSet(practiceId, [medicare.id], [medicare.id]);
    await waitFor(
      'claim filing to need enrollment',
      async () => (await statusOf(medicare.id, 'claim_filing'))[0] === 'enroll',
    );
    expect(await statusOf(medicare.id, 'payment_reports')).toEqual(['enroll']);
    const [listed] = find(await list(owner), medicare.id, 'claim_filing');
    expect(listed).toMatchObject({ canEnroll: true, version: 1, billingNpi: null });
    const row = { ...listed, id: listed.id! };

    // What +Enroll will send.
    const preview = await h.rpc.send(
      'enrollments.enrollment.preview',
      { practiceId, payerId: medicare.id, type: 'claim_filing' },
      { actor: owner },
    );
    expect(preview).toMatchObject({
      ready: true,
      status: 'enroll',
      missing: [],
      request: {
        payerName: 'Medicare Novitas JH',
        clearinghousePayerId: medicare.payerIds['default'],
        legalName: 'Riverbend Counseling PLLC',
        billingNpi: '1234567893',
        taxId: { kind: 'ein', value: '12-3456789' },
        taxonomyCode: '101YP2500X',
        contact: { phone: '5125550100', email: 'office@riverbend.test' },
      },
    });

    const submitted = await h.rpc.send(
      'enrollments.enrollment.enroll',
      { practiceId, payerId: medicare.id, type: 'claim_filing' },
      { actor: owner },
    );
    expect(submitted).toMatchObject({
      id: row.id,
      status: 'submitted',
      billingNpi: '1234567893',
      taxId: '12-3456789',
      version: 2,
      canEnroll: false,
    });
    expect(submitted.clearinghouseReference).toEqual(expect.any(String));
    const stored = await h.sql.query(
      `SELECT kind, payload FROM enrollments.clearinghouse_request WHERE enrollment_id = $1`,
      [row.id],
    );
    expect(stored).toEqual([
      {
        kind: 'enrollment',
        payload: expect.objectContaining({
          legalName: 'Riverbend Counseling PLLC',
          billingNpi: '1234567893',
        }),
      },
    ]);

    // Claims may not go electronically yet.
    expect(
      await h.rpc.send(
        'enrollments.claim-filing.check',
        { practiceId, payerId: medicare.id, ...identity },
        { actor: staff },
      ),
    ).toMatchObject({
      allowed: false,
      status: 'submitted',
    });

    expect(
      await rpcError(
        act(owner, row.id, 2, { action: 'require_document', instructions: 'Sign the EDI agreement' }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    const docRequired = await act(staff, row.id, 2, {
      action: 'require_document',
      instructions: 'Sign page 3 of the EDI agreement and upload it',
    });
    expect(docRequired).toMatchObject({
      status: 'document_required',
      instructions: 'Sign page 3 of the EDI agreement and upload it',
      version: 3,
    });
    // The document must exist, be this practice's and have been uploaded for this enrollment (issue #13).
    const theirs = randomUUID();
    h.documents.set(theirs, {
      id: theirs,
      practiceId: otherPracticeId,
      linkedType: 'enrollment',
      linkedId: row.id,
    });
    const elsewhere = randomUUID();
    h.documents.set(elsewhere, { id: elsewhere, practiceId, linkedType: 'client', linkedId: randomUUID() });
    for (const [documentId, rule] of [
      [randomUUID(), 'exists'],
      [theirs, 'exists'],
      [elsewhere, 'linked'],
    ] as const) {
      expect(await rpcError(act(owner, row.id, 3, { action: 'attach_document', documentId }))).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'documentId', rule }],
      });
    }
    expect(
      await h.rpc.send('enrollments.enrollment.get', { enrollmentId: row.id }, { actor: owner }),
    ).toMatchObject({ status: 'document_required', version: 3, documentId: null });
    expect(h.callers.get('documents.document.get')).toEqual(
      Array(3).fill({
        kind: 'service',
        service: 'enrollments',
        rights: ['documents.document.get'],
        practiceIds: [practiceId],
      }),
    );
    const documentId = randomUUID();
    h.documents.set(documentId, { id: documentId, practiceId, linkedType: 'enrollment', linkedId: row.id });
    const resubmitted = await act(owner, row.id, 3, { action: 'attach_document', documentId });
    expect(resubmitted).toMatchObject({ status: 'submitted', documentId, instructions: null, version: 4 });
    const accepted = await act(staff, row.id, 4, { action: 'accept' });
    expect(accepted).toMatchObject({ status: 'accepted', version: 5 });

    const history = (
      await h.rpc.send('enrollments.enrollment.history', { enrollmentId: row.id }, { actor: owner })
    ).items;
    expect(history.map((e) => [e.from, e.to, e.action, e.changedBy])).toEqual([
      ['no_clients_on_file', 'enroll', 'derive', null],
      ['enroll', 'submitted', 'submit', 'owner-1'],
      ['submitted', 'document_required', 'require_document', 'staff-1'],
      ['document_required', 'submitted', 'attach_document', 'owner-1'],
      ['submitted', 'accepted', 'accept', 'staff-1'],
    ]);
    expect(history[2].reason).toBe('Sign page 3 of the EDI agreement and upload it');
    expect(history[3].documentId).toBe(documentId);

    // Every change was published as enrollments.enrollment.status-changed, in order.
    await waitFor('five status-changed events', () => h.eventsOf(row.id).length === 5);
    expect(h.eventsOf(row.id).map((e) => [e.data.from, e.data.to])).toEqual(
      history.map((e) => [e.from, e.to]),
    );
    expect(h.eventsOf(row.id)[2].data).toMatchObject({
      enrollmentId: row.id,
      practiceId,
      payerId: medicare.id,
      payerName: 'Medicare Novitas JH',
      type: 'claim_filing',
      reason: 'Sign page 3 of the EDI agreement and upload it',
      changedBy: 'staff-1',
    });

    // Claims for Medicare from this identity may now go electronically; from another, not.
    expect(
      await h.rpc.send(
        'enrollments.claim-filing.check',
        { practiceId, payerId: medicare.id, ...identity },
        { actor: staff },
      ),
    ).toMatchObject({
      allowed: true,
      status: 'accepted',
      enrollmentId: row.id,
    });
    expect(
      await h.rpc.send(
        'enrollments.claim-filing.check',
        { practiceId, payerId: medicare.id, billingNpi: '1987654321', taxId: '12-3456789' },
        { actor: staff },
      ),
    ).toMatchObject({ allowed: false });
    // ERAs are not expected until the payment reports enrollment is accepted.
    expect(
      await h.rpc.send(
        'enrollments.era.check',
        { practiceId, payerId: medicare.id, ...identity },
        { actor: staff },
      ),
    ).toMatchObject({
      expected: false,
      status: 'enroll',
    });
  });

  it('shows payment reports of a payer without ERA as not_supported and refuses to enroll in them', async () => {
    expect(await statusOf(kaiser.id, 'payment_reports')).toEqual(['not_supported']);
    await payerSet(practiceId, [medicare.id, kaiser.id], [kaiser.id]);
    await waitFor(
      'Kaiser claim filing to be not required',
      async () => (await statusOf(kaiser.id, 'claim_filing'))[0] === 'not_required',
    );
    expect(await statusOf(kaiser.id, 'payment_reports')).toEqual(['not_supported']);
    const refused = await rpcError(
      h.rpc.send(
        'enrollments.enrollment.enroll',
        { practiceId, payerId: kaiser.id, type: 'payment_reports' },
        { actor: owner },
      ),
    );
    expect(refused).toMatchObject({
      code: 'conflict',
      message:
        'Kaiser Permanente does not offer payment reports; share EOBs with the billing team as documents instead',
    });
    expect(
      await h.rpc.send(
        'enrollments.era.check',
        { practiceId, payerId: kaiser.id, ...identity },
        { actor: staff },
      ),
    ).toMatchObject({
      expected: false,
      status: 'not_supported',
    });
    expect(
      await h.rpc.send(
        'enrollments.claim-filing.check',
        { practiceId, payerId: kaiser.id, ...identity },
        { actor: staff },
      ),
    ).toMatchObject({
      allowed: true,
    });
  });

  it('refuses +Enroll when the tax ID is missing, naming it, and sends nothing', async () => {
    await payerSet(otherPracticeId, [medicare.id], [medicare.id]);
    await waitFor(
      'the other practice to need enrollment',
      async () => (await statusOf(medicare.id, 'claim_filing', otherPracticeId))[0] === 'enroll',
    );
    const preview = await h.rpc.send(
      'enrollments.enrollment.preview',
      { practiceId: otherPracticeId, payerId: medicare.id, type: 'claim_filing' },
      { actor: otherOwner },
    );
    expect(preview).toMatchObject({
      ready: false,
      missing: [{ field: 'billingProfile.taxId', label: 'Tax ID (EIN or SSN)' }],
      request: { taxId: null },
    });
    const refused = await rpcError(
      h.rpc.send(
        'enrollments.enrollment.enroll',
        { practiceId: otherPracticeId, payerId: medicare.id, type: 'claim_filing' },
        { actor: otherOwner },
      ),
    );
    expect(refused).toEqual({
      code: 'validation_failed',
      message: 'The enrollment cannot be sent: Tax ID (EIN or SSN) missing in practice settings',
      errors: [
        {
          field: 'billingProfile.taxId',
          rule: 'required',
          message: 'Tax ID (EIN or SSN) is required to enroll; add it in practice settings',
        },
      ],
    });
    expect(await statusOf(medicare.id, 'claim_filing', otherPracticeId)).toEqual(['enroll']);
  });

  it('enrolls a solo practice billing as an individual with the owner’s NPI and an SSN, keeping the SSN encrypted and masked', async () => {
    const soloId = randomUUID();
    const soloOwner: Actor = { userId: 'owner-3', role: 'practice_owner', practiceIds: [soloId] };
    h.practices.set(soloId, practiceView(soloId, 'Robin Hale LCSW PLLC'));
    h.profiles.set(
      soloId,
      billingProfile(soloId, {
        billAs: 'individual',
        organizationNpi: null,
        taxId: { kind: 'ssn', display: '123-45-6789', masked: false },
      }),
    );
    h.members.set(soloId, [
      {
        id: randomUUID(),
        practiceId: soloId,
        firstName: 'Robin',
        lastName: 'Hale',
        email: 'robin@hale.test',
        role: 'owner',
        credentials: ['LCSW'],
        npi: '1245319599',
        taxonomyCode: null,
        secureMessagingEnabled: false,
        version: 1,
        createdAt: '',
        updatedAt: '',
      },
    ]);
    await payerSet(soloId, [medicare.id], [medicare.id]);
    await waitFor(
      'the solo practice to need enrollment',
      async () => (await statusOf(medicare.id, 'claim_filing', soloId))[0] === 'enroll',
    );

    const preview = await h.rpc.send(
      'enrollments.enrollment.preview',
      { practiceId: soloId, payerId: medicare.id, type: 'claim_filing' },
      { actor: soloOwner },
    );
    expect(preview.request).toMatchObject({
      billingNpi: '1245319599',
      taxId: { kind: 'ssn', value: '***-**-6789' },
      contact: { name: 'Robin Hale' },
    });
    const staffView = await h.rpc.send(
      'enrollments.enrollment.preview',
      { practiceId: soloId, payerId: medicare.id, type: 'claim_filing' },
      { actor: admin() },
    );
    expect(staffView.request.taxId).toEqual({ kind: 'ssn', value: '123-45-6789' });

    const enrolled = await h.rpc.send(
      'enrollments.enrollment.enroll',
      { practiceId: soloId, payerId: medicare.id, type: 'claim_filing' },
      { actor: soloOwner },
    );
    expect(enrolled).toMatchObject({ status: 'submitted', billingNpi: '1245319599', taxId: '***-**-6789' });
    const [row] = await h.sql.query(
      `SELECT tax_id_ciphertext, tax_id_index, request::text AS request FROM enrollments.enrollment WHERE id = $1`,
      [enrolled.id],
    );
    expect(row.tax_id_ciphertext).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain('123456789');
    expect(JSON.stringify(row)).not.toContain('123-45-6789');
    expect(
      await h.rpc.send(
        'enrollments.claim-filing.check',
        { practiceId: soloId, payerId: medicare.id, billingNpi: '1245319599', taxId: '123-45-6789' },
        { actor: admin() },
      ),
    ).toMatchObject({ allowed: false, status: 'submitted', enrollmentId: enrolled.id });
  });

  it('keeps practices apart: another practice’s enrollment is not found, and so is its list', async () => {
    const [row] = find(await list(owner), medicare.id, 'claim_filing');
    expect(
      await rpcError(
        h.rpc.send('enrollments.enrollment.get', { enrollmentId: row.id! }, { actor: otherOwner }),
      ),
    ).toMatchObject({ code: 'not_found' });
    // Another practice's list, and the list of a practice that does not exist, are not found (issue #13;
    // they used to answer an empty list, and an admin got a derived row per payer for any id).
    expect(await rpcError(list(otherOwner, practiceId))).toMatchObject({
      code: 'not_found',
      message: `Practice ${practiceId} was not found`,
    });
    const nowhere = randomUUID();
    expect(await rpcError(list(admin(), nowhere))).toMatchObject({
      code: 'not_found',
      message: `Practice ${nowhere} was not found`,
    });
    expect(
      await rpcError(
        h.rpc.send(
          'enrollments.enrollment.enroll',
          { practiceId, payerId: medicare.id, type: 'payment_reports' },
          { actor: otherOwner },
        ),
      ),
    ).toMatchObject({
      code: 'not_found',
    });
  });

  it('lets only one of two staff acting at once succeed (409 for the other), and keeps the history across a rejection and a new +Enroll', async () => {
    const enrolls = await Promise.allSettled([
      h.rpc.send(
        'enrollments.enrollment.enroll',
        { practiceId, payerId: medicare.id, type: 'payment_reports' },
        { actor: staff },
      ),
      h.rpc.send(
        'enrollments.enrollment.enroll',
        { practiceId, payerId: medicare.id, type: 'payment_reports' },
        { actor: staff2 },
      ),
    ]);
    expect(enrolls.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((enrolls.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.body).toMatchObject(
      { code: 'conflict' },
    );
    const row = (enrolls.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<EnrollmentView>)
      .value;

    const answers = await Promise.allSettled([
      act(staff, row.id!, row.version, {
        action: 'reject',
        reason: 'Tax ID does not match the payer’s records',
      }),
      act(staff2, row.id!, row.version, {
        action: 'reject',
        reason: 'Tax ID does not match the payer’s records',
      }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((answers.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.body).toMatchObject(
      { code: 'conflict' },
    );
    let current = await h.rpc.send('enrollments.enrollment.get', { enrollmentId: row.id! }, { actor: owner });

    expect(current).toMatchObject({
      status: 'rejected',
      reason: 'Tax ID does not match the payer’s records',
      canEnroll: true,
    });
    expect(await rpcError(act(staff, row.id!, current.version, { action: 'reject' }))).toMatchObject({
      code: 'validation_failed',
    });
    current = await h.rpc.send(
      'enrollments.enrollment.enroll',
      { practiceId, payerId: medicare.id, type: 'payment_reports' },
      { actor: owner },
    );
    expect(current).toMatchObject({ id: row.id, status: 'submitted', reason: null });
    const history = (
      await h.rpc.send('enrollments.enrollment.history', { enrollmentId: row.id! }, { actor: owner })
    ).items;
    expect(history.map((e) => `${e.from}→${e.to}`)).toEqual([
      'no_clients_on_file→enroll',
      'enroll→submitted',
      'submitted→rejected',
      'rejected→submitted',
    ]);
    expect(history[2].reason).toBe('Tax ID does not match the payer’s records');
    // An accepted enrollment cannot be rejected afterwards.
    const accepted = await act(staff, row.id!, current.version, { action: 'accept' });
    expect(
      await rpcError(act(staff, row.id!, accepted.version, { action: 'reject', reason: 'late' })),
    ).toMatchObject({
      code: 'conflict',
      message: 'An enrollment in status accepted cannot be rejected',
    });
  });

  it('follows the payer directory: a payer that starts requiring enrollment turns not_required into enroll; the last client leaving gives no_clients_on_file', async () => {
    await payerSet(practiceId, [medicare.id, kaiser.id, aetna.id], [aetna.id]);
    await waitFor(
      'Aetna claim filing not required',
      async () => (await statusOf(aetna.id, 'claim_filing'))[0] === 'not_required',
    );
    const updated = { ...aetna, claimFilingEnrollmentRequired: true, version: 2 };
    h.payers.set(aetna.id, updated);
    await h.publishClientInsurance('client-insurance.payer.updated', aetna.id, null, {
      payer: updated,
      changed: ['claimFilingEnrollmentRequired'],
    });
    await waitFor(
      'Aetna claim filing to need enrollment',
      async () => (await statusOf(aetna.id, 'claim_filing'))[0] === 'enroll',
    );

    await payerSet(practiceId, [medicare.id, aetna.id], [], [kaiser.id]);
    await waitFor(
      'Kaiser without clients',
      async () => (await statusOf(kaiser.id, 'claim_filing'))[0] === 'no_clients_on_file',
    );
    // A submitted or accepted enrollment keeps its status when clients come and go.
    expect(await statusOf(medicare.id, 'claim_filing')).toEqual(['accepted']);
  });

  it('gives the same statuses after the read model is emptied and every client-insurance event is replayed from the start', async () => {
    const snapshot = async (pid: string) =>
      (await list(admin(), pid)).map((i) => `${i.payerName}/${i.type}: ${i.status}`).sort();
    const before = [await snapshot(practiceId), await snapshot(otherPracticeId)];
    await h.stopApp(app);

    // Empty everything that is derived from the events (read models, inbox, derived rows) and drop the durable consumer.
    await h.sql.transaction(async (m) => {
      await m.query(`TRUNCATE enrollments.practice_payer, enrollments.payer_ref`);
      await m.query(`DELETE FROM enrollments.inbox WHERE consumer = $1`, [CLIENT_INSURANCE_DURABLE]);
      const derived = `SELECT id FROM enrollments.enrollment WHERE billing_npi = '' AND status IN ('not_required', 'enroll', 'no_clients_on_file', 'not_supported')`;
      await m.query(`DELETE FROM enrollments.enrollment_history WHERE enrollment_id IN (${derived})`);
      await m.query(`DELETE FROM enrollments.enrollment WHERE id IN (${derived})`);
    });
    const jsm = await h.nc.jetstreamManager();
    await jsm.consumers.delete(`${h.events.streamPrefix}_CLIENT_INSURANCE`, CLIENT_INSURANCE_DURABLE);
    expect(await h.sql.query(`SELECT count(*)::int AS n FROM enrollments.practice_payer`)).toEqual([
      { n: 0 },
    ]);

    app = await start();
    await waitFor('the replay to rebuild the same statuses', async () => {
      const after = [await snapshot(practiceId), await snapshot(otherPracticeId)];
      return JSON.stringify(after) === JSON.stringify(before);
    });
  });

  it('replays into a brand-new database to the same derived statuses (submissions are not in the events, so they show as enroll)', async () => {
    const other: TestDatabase = await createTestDatabase();
    let second: INestMicroservice | undefined;
    try {
      const expected = (await list(admin(), practiceId))
        .map(
          (i) =>
            `${i.payerName}/${i.type}: ${['submitted', 'document_required', 'accepted', 'rejected'].includes(i.status) ? 'enroll' : i.status}`,
        )
        .sort();
      await h.stopApp(app);
      const jsm = await h.nc.jetstreamManager();
      await jsm.consumers.delete(`${h.events.streamPrefix}_CLIENT_INSURANCE`, CLIENT_INSURANCE_DURABLE);
      await runMigrations(enrollmentsDataSourceOptions(other.url));
      second = await start(other.url);
      await waitFor('a fresh database to reach the same statuses', async () => {
        const got = (await list(admin(), practiceId))
          .map((i) => `${i.payerName}/${i.type}: ${i.status}`)
          .sort();
        return JSON.stringify(got) === JSON.stringify(expected);
      });
    } finally {
      await h.stopApp(second);
      app = await start();
      await other.drop();
    }
  });

  it('asks other services as itself with the rights it needs, never as an invented user or admin', async () => {
    const asked = [...h.callers.entries()];
    expect(asked.map(([subject]) => subject)).toEqual(
      expect.arrayContaining([
        'client-insurance.payer.search',
        'practice-settings.practice.get',
        'practice-settings.billing-profile.get',
        'documents.document.get',
      ]),
    );
    for (const [subject, callers] of asked) {
      for (const caller of callers) {
        expect(caller).toMatchObject({ kind: 'service', service: 'enrollments' });
        expect(caller.kind === 'service' && caller.rights).toContain(subject);
        if (!subject.startsWith('client-insurance.payer.')) expect(caller.practiceIds).toHaveLength(1);
      }
    }
  });

  it('answers the health ping', async () => {
    expect(await h.rpc.ping('enrollments.health.ping')).toEqual({
      ok: true,
      service: 'enrollments',
    });
  });
});
