import { randomUUID } from 'node:crypto';
import type { Actor } from '@claimline/contracts/common';
import type { CreateAppointmentBody, UnbilledPage } from '@claimline/contracts/claims';
import type {
  AuthorizationView,
  ClientCoverage,
  ClientMissingInfo,
} from '@claimline/contracts/client-insurance';
import type { ReadinessItem } from '@claimline/contracts/practice-settings';
import { notFound } from '@claimline/backend/util-service-testing';
import { rpcError } from '@claimline/backend/util-testing';
import { clientView, Harness, memberView } from './harness';

/**
 * The unbilled list on the real PostgreSQL and NATS, with stand-ins for the bulk reads it makes
 * per page: client-insurance's missing info and coverage, practice settings' own checklist. Each
 * stand-in answers only for the practice its caller is scoped to, as the real handlers do.
 */
describe('claims service: the unbilled list and the self-pay switch (real PostgreSQL and NATS)', () => {
  const h = new Harness();
  const practiceId = randomUUID();
  const secondPracticeId = randomUUID();
  const foreignPracticeId = randomUUID();
  const clinicianId = randomUUID();
  const otherClinicianId = randomUUID();
  const secondClinicianId = randomUUID();
  const [missingClient, authClient, selfPayClient, readyClient, secondClient] = [1, 2, 3, 4, 5].map(() =>
    randomUUID(),
  );
  const aetna = { id: randomUUID(), name: 'Aetna' };
  const cigna = { id: randomUUID(), name: 'Cigna' };
  const staff: Actor = {
    userId: 'staff-1',
    role: 'billing_staff',
    practiceIds: [practiceId, secondPracticeId],
  };
  const clinician: Actor = { userId: 'clinician-1', role: 'clinician', practiceIds: [practiceId] };

  /** What client-insurance and practice-settings know, as the stand-ins answer it. */
  const missing = new Map<string, ClientMissingInfo>();
  const coverage = new Map<string, ClientCoverage & { practiceId: string }>();
  const practiceItems = new Map<string, ReadinessItem[]>();
  const ids: Record<string, string> = {};

  const authorization = (over: Partial<AuthorizationView>): AuthorizationView => ({
    id: randomUUID(),
    practiceId,
    clientId: authClient,
    policyId: 'set-below',
    number: 'PA-77',
    usesAuthorized: 12,
    usesConsumed: 0,
    usesRemaining: 12,
    validFrom: '2026-01-01',
    validTo: '2026-02-28',
    active: true,
    version: 1,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    warnings: [],
    ...over,
  });

  const appointment = (over: Partial<CreateAppointmentBody>): CreateAppointmentBody => ({
    clientId: readyClient,
    renderingTeamMemberId: clinicianId,
    serviceDate: '2026-03-10',
    startTime: '09:00',
    minutes: 53,
    placeOfService: '10',
    diagnoses: ['F43.10'],
    lines: [{ procedure: '90837', modifiers: ['95'], units: 1, feeCents: 15000, diagnosisPointers: [1] }],
    attendance: 'attended',
    billingType: 'insurance',
    ...over,
  });
  const create = async (name: string, over: Partial<CreateAppointmentBody>, pid = practiceId) => {
    const view = await h.rpc.send(
      'claims.appointment.create',
      { practiceId: pid, ...appointment(over) } as never,
      {
        actor: staff,
      },
    );
    ids[name] = view.id;
    return view;
  };
  const list = (query: Record<string, unknown>, actor: Actor = staff): Promise<UnbilledPage> =>
    h.rpc.send('claims.unbilled.list', { practiceIds: [practiceId], ...query } as never, { actor });
  const calls = (subject: string) => h.callers.get(subject)?.length ?? 0;
  const reasonsOf = (page: UnbilledPage) =>
    Object.fromEntries(page.items.map((i) => [i.appointmentId, i.reasons.map((r) => r.code)]));
  /** Every item of a list walked page by page with its cursor. */
  const walk = async (query: Record<string, unknown>): Promise<{ ids: string[]; pages: number }> => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list({ ...query, ...(cursor && { cursor }) });
      seen.push(...page.items.map((i) => i.appointmentId));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 50);
    return { ids: seen, pages };
  };

  beforeAll(async () => {
    await h.setUp();
    for (const c of [missingClient, authClient, selfPayClient, readyClient])
      h.clients.set(c, clientView(practiceId, c));
    h.clients.set(secondClient, clientView(secondPracticeId, secondClient));
    h.members.set(clinicianId, memberView(practiceId, clinicianId, '1234567893'));
    h.members.set(otherClinicianId, memberView(practiceId, otherClinicianId, '1245319599'));
    h.members.set(secondClinicianId, memberView(secondPracticeId, secondClinicianId, '1234567893'));

    for (const c of [missingClient, authClient, selfPayClient, readyClient, secondClient])
      missing.set(c, { clientId: c, complete: true, missing: [] });
    missing.set(missingClient, {
      clientId: missingClient,
      complete: false,
      missing: [
        { field: 'phone', message: 'Phone number is missing', fixAt: `/clients/${missingClient}/profile` },
      ],
    });
    for (const c of [missingClient, selfPayClient, readyClient])
      coverage.set(c, { practiceId, clientId: c, policyId: randomUUID(), payer: aetna, authorizations: [] });
    const authPolicy = randomUUID();
    coverage.set(authClient, {
      practiceId,
      clientId: authClient,
      policyId: authPolicy,
      payer: cigna,
      authorizations: [authorization({ policyId: authPolicy })],
    });
    coverage.set(secondClient, {
      practiceId: secondPracticeId,
      clientId: secondClient,
      policyId: randomUUID(),
      payer: aetna,
      authorizations: [],
    });
    practiceItems.set(practiceId, [
      {
        key: 'practice-settings.secure-messaging',
        section: 'secure-messaging',
        title: 'Secure Messaging',
        status: 'missing',
        missing: [{ field: 'practice.secureMessagingEnabled', label: 'Turn on Secure Messaging' }],
        fixAt: '/x',
        source: 'practice-settings',
      },
    ]);
    practiceItems.set(secondPracticeId, []);

    h.serve(
      'client-insurance.coverage.get-many',
      (
        data: { practiceId: string; clientIds?: string[]; payerId?: string; missingInfo?: boolean },
        caller,
      ) => {
        if (!caller.practiceIds?.includes(data.practiceId)) return notFound('Practice');
        const items = [...coverage.values()]
          .filter((c) => c.practiceId === data.practiceId)
          .filter((c) => (data.clientIds ? data.clientIds.includes(c.clientId) : c.payer.id === data.payerId))
          .map(({ practiceId: _p, ...c }) => c);
        if (!data.missingInfo) return { items };
        // With `missingInfo`, also each named client's missing info (clients of another practice left out).
        const known = (data.clientIds ?? []).filter((c) => h.clients.get(c)?.practiceId === data.practiceId);
        return { items, missingInfo: known.map((c) => missing.get(c)) };
      },
    );
    h.serve('practice-settings.readiness.get-many', (data: { practiceIds: string[] }, caller) => {
      const seen = data.practiceIds.filter((p) => caller.practiceIds?.includes(p));
      return {
        items: seen.map((p) => ({ practiceId: p, items: practiceItems.get(p) ?? [] })),
        notFound: data.practiceIds.filter((p) => !seen.includes(p)),
      };
    });
    await h.nc.flush();
    await h.start();

    await create('missing', { clientId: missingClient, serviceDate: '2026-03-12' });
    await create('auth', {
      clientId: authClient,
      serviceDate: '2026-03-11',
      renderingTeamMemberId: otherClinicianId,
    });
    await create('selfPay', { clientId: selfPayClient, serviceDate: '2026-03-10' });
    await create('ready', { clientId: readyClient, serviceDate: '2026-03-09' });
    await create('noShow', { clientId: readyClient, serviceDate: '2026-03-13', attendance: 'no_show' });
    await create('alreadySelfPay', {
      clientId: readyClient,
      serviceDate: '2026-03-14',
      billingType: 'self_pay',
    });
    await create(
      'second',
      { clientId: secondClient, serviceDate: '2026-03-11', renderingTeamMemberId: secondClinicianId },
      secondPracticeId,
    );
  });

  afterAll(() => h.tearDown());

  it('lists the attended insurance appointments without a claim, newest first, each with exactly its reasons', async () => {
    const before = ['client-insurance.coverage.get-many', 'practice-settings.readiness.get-many'].map(calls);
    const page = await list({});
    expect(page.items.map((i) => i.appointmentId)).toEqual([ids.missing, ids.auth, ids.selfPay, ids.ready]);
    expect(reasonsOf(page)).toEqual({
      [ids.missing]: ['client.phone'],
      [ids.auth]: ['authorization.expired'],
      [ids.selfPay]: [],
      [ids.ready]: [],
    });
    const missingItem = page.items[0];
    expect(missingItem).toMatchObject({
      ready: false,
      payer: aetna,
      procedures: ['90837'],
      chargeCents: 15000,
      reasons: [
        { message: 'Phone number is missing', fix: { target: 'client', id: missingClient, field: 'phone' } },
      ],
    });
    const auth = page.items[1];
    expect(auth.reasons[0].fix).toMatchObject({ target: 'authorization', field: 'validTo' });
    expect(auth.reasons[0].message).toContain('Cigna needs a prior authorization');
    expect(page.items[3]).toMatchObject({ ready: true, reasons: [] });
    expect(page.nextCursor).toBeNull();
    // One bulk call per service for the whole page (coverage with missing info), asked as claims
    // for this practice only.
    const after = ['client-insurance.coverage.get-many', 'practice-settings.readiness.get-many'].map(calls);
    expect(after.map((n, i) => n - before[i])).toEqual([1, 1]);
    const asked = h.callers.get('client-insurance.coverage.get-many')!.at(-1)!;
    expect(asked).toMatchObject({ kind: 'service', service: 'claims', practiceIds: [practiceId] });
  });

  it('names the clinician’s missing NPI and the practice’s missing Tax ID, not Secure Messaging', async () => {
    practiceItems.set(practiceId, [
      ...(practiceItems.get(practiceId) ?? []),
      {
        key: `practice-settings.personal-npi.${otherClinicianId}`,
        section: 'account',
        title: 'NPI',
        status: 'missing',
        missing: [
          { field: `teamMembers.${otherClinicianId}.npi`, label: 'Enter the personal NPI of Sam Okafor' },
        ],
        fixAt: '/x',
        source: 'practice-settings',
      },
      {
        key: 'practice-settings.tax-id',
        section: 'account',
        title: 'Tax ID',
        status: 'missing',
        missing: [
          {
            field: 'billingProfile.taxId',
            label: 'Enter the Tax ID (EIN) or SSN that claims are filed under',
          },
        ],
        fixAt: '/x',
        source: 'practice-settings',
      },
    ]);
    try {
      const page = await list({});
      expect(reasonsOf(page)).toEqual({
        [ids.missing]: ['client.phone', 'practice.tax-id'],
        [ids.auth]: ['authorization.expired', 'clinician.npi', 'practice.tax-id'],
        [ids.selfPay]: ['practice.tax-id'],
        [ids.ready]: ['practice.tax-id'],
      });
      expect(page.items[1].reasons[1].fix).toEqual({
        target: 'team_member',
        id: otherClinicianId,
        field: 'npi',
      });
      expect(page.items[0].reasons[1].fix).toEqual({
        target: 'practice',
        id: practiceId,
        field: 'billingProfile.taxId',
      });
    } finally {
      practiceItems.set(practiceId, practiceItems.get(practiceId)!.slice(0, 1));
    }
  });

  it('pages by cursor without gaps or repeats, and filters by clinician, payer and dates', async () => {
    const first = await list({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await list({ limit: 3, cursor: first.nextCursor });
    expect(second.items.map((i) => i.appointmentId)).toEqual([ids.ready]);
    expect(second.nextCursor).toBeNull();
    expect((await walk({ limit: 1 })).ids).toEqual([ids.missing, ids.auth, ids.selfPay, ids.ready]);

    expect((await list({ clinicianId: otherClinicianId })).items.map((i) => i.appointmentId)).toEqual([
      ids.auth,
    ]);
    expect((await list({ payerId: cigna.id })).items.map((i) => i.appointmentId)).toEqual([ids.auth]);
    expect((await list({ payerId: randomUUID() })).items).toEqual([]);
    expect((await list({ from: '2026-03-10', to: '2026-03-11' })).items.map((i) => i.appointmentId)).toEqual([
      ids.auth,
      ids.selfPay,
    ]);
  });

  it('filters ready / missing info correctly across pages', async () => {
    expect((await walk({ readiness: 'ready', limit: 1 })).ids).toEqual([ids.selfPay, ids.ready]);
    expect((await walk({ readiness: 'missing_info', limit: 1 })).ids).toEqual([ids.missing, ids.auth]);
    const page = await list({ readiness: 'missing_info', limit: 5 });
    expect(page).toMatchObject({ nextCursor: null, scanned: 4 });
  });

  it('lists across the practices a billing user works for, merged in one order; one out of scope is 404', async () => {
    const page = await list({ practiceIds: [practiceId, secondPracticeId] });
    // Both on 2026-03-11: by id, whatever their practice.
    const sameDay = [ids.auth, ids.second].sort();
    expect(page.items.map((i) => i.appointmentId)).toEqual([ids.missing, ...sameDay, ids.selfPay, ids.ready]);
    expect(page.items.find((i) => i.appointmentId === ids.second)).toMatchObject({
      practiceId: secondPracticeId,
      ready: true,
    });
    expect(await rpcError(list({ practiceIds: [practiceId, foreignPracticeId] }))).toMatchObject({
      code: 'not_found',
    });
  });

  it('is for those who bill: a clinician is refused; a cursor that is not ours is 422 on cursor', async () => {
    expect(await rpcError(list({}, clinician))).toMatchObject({ code: 'forbidden' });
    const bad = await rpcError(list({ cursor: Buffer.from('nonsense').toString('base64url') }));
    expect(bad.code).toBe('validation_failed');
    expect(bad.errors?.map((e) => e.field)).toEqual(['cursor']);
    const badFilter = await rpcError(list({ readiness: 'soon', limit: 500 }));
    expect(badFilter.errors?.map((e) => e.field).sort()).toEqual(['limit', 'readiness']);
  });

  describe('self-pay switch', () => {
    const setType = (
      billingType: string,
      version: number,
      appointmentId = ids.selfPay,
      actor: Actor = staff,
    ) =>
      h.rpc.send(
        'claims.appointment.set-billing-type',
        {
          practiceId,
          appointmentId,
          billingType,
          version,
          reason: 'Client chose to pay out of pocket',
        } as never,
        { actor },
      );

    it('takes the appointment off the list and back, kept with who, when and why, each an event', async () => {
      const before = await h.rpc.send(
        'claims.appointment.get',
        { practiceId, appointmentId: ids.selfPay },
        { actor: staff },
      );
      const selfPay = await setType('self_pay', before.version);
      expect(selfPay).toMatchObject({ billingType: 'self_pay', version: before.version + 1 });
      expect((await list({})).items.map((i) => i.appointmentId)).not.toContain(ids.selfPay);

      expect(await rpcError(setType('self_pay', selfPay.version))).toMatchObject({
        code: 'validation_failed',
        errors: [{ field: 'billingType', rule: 'unchanged' }],
      });
      expect(await rpcError(setType('insurance', before.version))).toMatchObject({
        code: 'conflict',
        details: { currentVersion: selfPay.version },
      });

      const back = await setType('insurance', selfPay.version);
      expect(back.billingType).toBe('insurance');
      expect((await list({})).items.map((i) => i.appointmentId)).toContain(ids.selfPay);

      const changes = await h.rpc.send(
        'claims.billing-type-change.list',
        { practiceId, appointmentId: ids.selfPay },
        { actor: staff },
      );
      expect(changes.items.map((c) => [c.from, c.to, c.changedBy, c.reason])).toEqual([
        ['self_pay', 'insurance', 'staff-1', 'Client chose to pay out of pocket'],
        ['insurance', 'self_pay', 'staff-1', 'Client chose to pay out of pocket'],
      ]);
      const events = await h.sql.query(
        `SELECT data FROM claims.outbox WHERE aggregate_id = $1 AND type = 'claims.appointment.updated' ORDER BY seq`,
        [ids.selfPay],
      );
      expect(events.map((e: { data: object }) => e.data)).toEqual([
        expect.objectContaining({ changed: ['billingType'], billingType: 'self_pay' }),
        expect.objectContaining({ changed: ['billingType'], billingType: 'insurance' }),
      ]);
      expect(JSON.stringify(events)).not.toContain('pay out of pocket');
    });

    it('is refused (409) once the appointment is on a claim, also through PATCH, and for a clinician (403)', async () => {
      const claimId = randomUUID();
      await h.sql.query(`UPDATE claims.appointment SET claim_id = $1 WHERE id = $2`, [claimId, ids.ready]);
      try {
        const current = await h.rpc.send(
          'claims.appointment.get',
          { practiceId, appointmentId: ids.ready },
          { actor: staff },
        );
        expect(await rpcError(setType('self_pay', current.version, ids.ready))).toMatchObject({
          code: 'conflict',
          details: { claimId },
        });
        expect(
          await rpcError(
            h.rpc.send(
              'claims.appointment.update',
              {
                practiceId,
                appointmentId: ids.ready,
                version: current.version,
                billingType: 'self_pay',
              } as never,
              { actor: staff },
            ),
          ),
        ).toMatchObject({ code: 'conflict' });
        expect((await list({})).items.map((i) => i.appointmentId)).not.toContain(ids.ready);
        expect(await rpcError(setType('self_pay', current.version, ids.ready, clinician))).toMatchObject({
          code: 'forbidden',
        });
      } finally {
        await h.sql.query(`UPDATE claims.appointment SET claim_id = NULL WHERE id = $1`, [ids.ready]);
      }
    });

    it('answers 404 for another practice’s appointment', async () => {
      expect(
        await rpcError(
          h.rpc.send(
            'claims.appointment.set-billing-type',
            {
              practiceId,
              appointmentId: ids.second,
              billingType: 'self_pay',
              version: 1,
              reason: 'wrong practice',
            } as never,
            { actor: staff },
          ),
        ),
      ).toMatchObject({ code: 'not_found' });
    });
  });

  it('drops a reason once it is fixed at its source', async () => {
    missing.set(missingClient, { clientId: missingClient, complete: true, missing: [] });
    const auth = coverage.get(authClient)!;
    coverage.set(authClient, {
      ...auth,
      authorizations: [{ ...auth.authorizations[0], validTo: '2026-06-30' }],
    });
    const page = await list({});
    expect(page.items.every((i) => i.ready && i.reasons.length === 0)).toBe(true);
    expect(page.items.map((i) => i.appointmentId)).toEqual([ids.missing, ids.auth, ids.selfPay, ids.ready]);
  });
});
