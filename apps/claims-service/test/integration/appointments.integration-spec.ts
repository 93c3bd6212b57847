import { randomUUID } from 'node:crypto';
import { INestMicroservice } from '@nestjs/common';
import type { Actor } from '@claimline/contracts/common';
import type { CreateAppointmentBody } from '@claimline/contracts/claims';
import { rpcError, waitFor } from '@claimline/backend/util-testing';
import { admin, clientView, Harness, memberView } from './harness';

describe('claims service: fee schedule and appointments over NATS (real PostgreSQL and NATS)', () => {
  const h = new Harness();
  let app: INestMicroservice;
  const practiceId = randomUUID();
  const otherPracticeId = randomUUID();
  const clientId = randomUUID();
  const inactiveClientId = randomUUID();
  const otherClientId = randomUUID();
  const clinicianId = randomUUID();
  const noNpiMemberId = randomUUID();
  const otherClinicianId = randomUUID();
  const locationId = randomUUID();
  const staff: Actor = {
    userId: 'staff-1',
    role: 'billing_staff',
    practiceIds: [practiceId, otherPracticeId],
  };
  const owner: Actor = { userId: 'owner-1', role: 'practice_owner', practiceIds: [practiceId] };
  const clinician: Actor = { userId: 'clinician-1', role: 'clinician', practiceIds: [practiceId] };
  const otherOwner: Actor = { userId: 'owner-2', role: 'practice_owner', practiceIds: [otherPracticeId] };

  const telehealth = (over: Partial<CreateAppointmentBody> = {}): CreateAppointmentBody => ({
    clientId,
    renderingTeamMemberId: clinicianId,
    serviceDate: '2026-11-03',
    startTime: '09:00',
    minutes: 53,
    placeOfService: '10',
    diagnoses: ['F43.10', 'F41.1'],
    lines: [{ procedure: '90837', modifiers: ['95'], units: 1, diagnosisPointers: [1, 2] }],
    attendance: 'attended',
    billingType: 'insurance',
    ...over,
  });
  const create = (actor: Actor, body: object, pid = practiceId) =>
    h.rpc.send('claims.appointment.create', { practiceId: pid, ...body } as never, { actor });
  const refusal = async (actor: Actor, body: object) => {
    const error = await rpcError(create(actor, body));
    expect(error.code).toBe('validation_failed');
    return (error.errors ?? []).map((e) => e.field);
  };
  const putFees = (actor: Actor, version: number, entries: object[], pid = practiceId) =>
    h.rpc.send('claims.fee-schedule.put', { practiceId: pid, version, entries } as never, { actor });
  const outboxTypes = async (aggregateId: string): Promise<string[]> =>
    (
      await h.sql.query(`SELECT type FROM claims.outbox WHERE aggregate_id = $1 ORDER BY seq`, [aggregateId])
    ).map((r: { type: string }) => r.type);

  beforeAll(async () => {
    await h.setUp();
    h.clients.set(clientId, clientView(practiceId, clientId));
    h.clients.set(inactiveClientId, clientView(practiceId, inactiveClientId, false));
    h.clients.set(otherClientId, clientView(otherPracticeId, otherClientId));
    h.members.set(clinicianId, memberView(practiceId, clinicianId, '1234567893'));
    h.members.set(noNpiMemberId, memberView(practiceId, noNpiMemberId, null));
    h.members.set(otherClinicianId, memberView(otherPracticeId, otherClinicianId, '1245319599'));
    app = await h.start();
  });

  afterAll(() => h.tearDown());

  describe('fee schedule', () => {
    it('starts empty at version 0; billing staff replace it, the event carries the whole schedule', async () => {
      expect(await h.rpc.send('claims.fee-schedule.get', { practiceId }, { actor: clinician })).toMatchObject(
        { practiceId, entries: [], version: 0, updatedAt: null },
      );
      const saved = await putFees(staff, 0, [
        { procedure: '90837', modifiers: ['95'], feeCents: 16000 },
        { procedure: '90837', modifiers: [], feeCents: 15000 },
        { procedure: '90791', modifiers: [], feeCents: 20000 },
      ]);
      expect(saved.version).toBe(1);
      expect(saved.entries).toEqual([
        { procedure: '90791', modifiers: [], feeCents: 20000 },
        { procedure: '90837', modifiers: [], feeCents: 15000 },
        { procedure: '90837', modifiers: ['95'], feeCents: 16000 },
      ]);
      const event = await h.waitForEvent(
        (e) => e.type === 'claims.fee-schedule.updated' && e.practiceId === practiceId,
        'the fee schedule event',
      );
      expect(event).toMatchObject({ actorId: 'staff-1', data: { version: 1, entries: saved.entries } });
    });

    it('refuses a stale version (409), a clinician (403), unknown codes and a fee given twice (422 naming the entry)', async () => {
      expect(await rpcError(putFees(owner, 0, []))).toMatchObject({
        code: 'conflict',
        details: { currentVersion: 1 },
      });
      expect(await rpcError(putFees(clinician, 1, []))).toMatchObject({ code: 'forbidden' });
      const invalid = await rpcError(
        putFees(staff, 1, [
          { procedure: '12345', modifiers: [], feeCents: 100 },
          { procedure: '90834', modifiers: ['ZZ'], feeCents: 100 },
          { procedure: '90834', modifiers: ['HO', '95'], feeCents: 100 },
          { procedure: '90834', modifiers: ['95', 'HO'], feeCents: 120 },
          { procedure: '90834', modifiers: [], feeCents: -5 },
        ]),
      );
      expect(invalid.code).toBe('validation_failed');
      expect(invalid.errors?.map((e) => e.field)).toEqual(['entries.4.feeCents']);
      const rules = await rpcError(
        putFees(staff, 1, [
          { procedure: '12345', modifiers: [], feeCents: 100 },
          { procedure: '90834', modifiers: ['ZZ'], feeCents: 100 },
          { procedure: '90834', modifiers: ['HO', '95'], feeCents: 100 },
          { procedure: '90834', modifiers: ['95', 'HO'], feeCents: 120 },
        ]),
      );
      expect(rules.errors?.map((e) => e.field)).toEqual([
        'entries.0.procedure',
        'entries.1.modifiers',
        'entries.3',
      ]);
      expect((await h.rpc.send('claims.fee-schedule.get', { practiceId }, { actor: owner })).version).toBe(1);
    });

    it('replaces the whole schedule on the next PUT and moves its version', async () => {
      const current = await h.rpc.send('claims.fee-schedule.get', { practiceId }, { actor: owner });
      const next = await putFees(owner, 1, [
        ...current.entries.filter((e) => !(e.procedure === '90837' && e.modifiers.length === 0)),
        { procedure: '90834', modifiers: ['HO', '95'], feeCents: 12000 },
      ]);
      expect(next.version).toBe(2);
      expect(next.entries.map((e) => [e.procedure, e.modifiers, e.feeCents])).toEqual([
        ['90791', [], 20000],
        ['90834', ['HO', '95'], 12000],
        ['90837', ['95'], 16000],
      ]);
      const event = await h.waitForEvent(
        (e) => e.type === 'claims.fee-schedule.updated' && (e.data as { version: number }).version === 2,
        'the second fee schedule event',
      );
      expect(event.actorId).toBe('owner-1');
    });

    it('keeps each practice’s schedule to itself', async () => {
      // Out of the caller's scope answers like a practice that does not exist.
      expect(await rpcError(putFees(otherOwner, 2, [], practiceId))).toMatchObject({ code: 'not_found' });
      expect(
        await h.rpc.send('claims.fee-schedule.get', { practiceId: otherPracticeId }, { actor: otherOwner }),
      ).toMatchObject({ entries: [], version: 0 });
    });
  });

  describe('appointments', () => {
    let appointmentId: string;

    it('records a telehealth session priced from the fee schedule, asking the owners of client and clinician as itself', async () => {
      const view = await create(clinician, telehealth());
      appointmentId = view.id;
      expect(view).toMatchObject({
        practiceId,
        clientId,
        renderingTeamMemberId: clinicianId,
        renderingNpi: '1234567893',
        serviceDate: '2026-11-03',
        startTime: '09:00',
        placeOfService: '10',
        locationId: null,
        diagnoses: ['F43.10', 'F41.1'],
        lines: [
          {
            procedure: '90837',
            modifiers: ['95'],
            units: 1,
            feeCents: 16000,
            feeSource: 'schedule',
            diagnosisPointers: [1, 2],
          },
        ],
        attendance: 'attended',
        billingType: 'insurance',
        version: 1,
      });
      for (const subject of ['client-insurance.client.get', 'practice-settings.team-member.get'])
        expect(h.callers.get(subject)?.at(-1)).toEqual({
          kind: 'service',
          service: 'claims',
          rights: [subject],
          practiceIds: [practiceId],
        });
      expect(
        await h.rpc.send('claims.appointment.get', { practiceId, appointmentId }, { actor: owner }),
      ).toEqual(view);
      expect(await outboxTypes(appointmentId)).toEqual(['claims.appointment.created']);
      const event = await h.waitForEvent((e) => e.aggregateId === appointmentId, 'the appointment event');
      expect(event.data).toEqual({
        id: appointmentId,
        practiceId,
        clientId,
        renderingTeamMemberId: clinicianId,
        attendance: 'attended',
        billingType: 'insurance',
        version: 1,
        updatedAt: view.updatedAt,
        changed: expect.arrayContaining(['clientId', 'diagnoses', 'lines']),
      });
    });

    it('takes a fee given on the line over the schedule, and an office visit at a location', async () => {
      const view = await create(
        staff,
        telehealth({
          placeOfService: '11',
          locationId,
          lines: [
            { procedure: '90791', modifiers: [], units: 1, diagnosisPointers: [1] },
            { procedure: '90785', units: 1, feeCents: 2500, diagnosisPointers: [1] },
          ],
        }),
      );
      expect(view.lines.map((l) => [l.procedure, l.feeCents, l.feeSource])).toEqual([
        ['90791', 20000, 'schedule'],
        ['90785', 2500, 'override'],
      ]);
    });

    it('refuses every broken rule at once, each naming its field', async () => {
      expect(
        await refusal(
          staff,
          telehealth({
            clientId: inactiveClientId,
            renderingTeamMemberId: noNpiMemberId,
            diagnoses: ['F43.1', 'Z99.99'],
            lines: [
              { procedure: '90837', modifiers: ['HO'], units: 1, diagnosisPointers: [3] },
              { procedure: '90834', modifiers: ['95'], units: 1, diagnosisPointers: [1] },
            ],
          }),
        ),
      ).toEqual([
        'diagnoses.0',
        'diagnoses.1',
        'lines.0.modifiers',
        'lines.0.diagnosisPointers',
        'clientId',
        'renderingTeamMemberId',
        'lines.0.feeCents',
        'lines.1.feeCents',
      ]);
    });

    it('refuses a client or clinician of another practice, an office visit without a location and shapes the contract forbids', async () => {
      expect(
        await refusal(
          staff,
          telehealth({ clientId: otherClientId, renderingTeamMemberId: otherClinicianId }),
        ),
      ).toEqual(['clientId', 'renderingTeamMemberId']);
      expect(await refusal(staff, telehealth({ placeOfService: '11' }))).toEqual(['locationId']);
      expect(
        await refusal(
          staff,
          telehealth({
            diagnoses: Array.from({ length: 13 }, () => 'F43.10'),
            lines: [
              {
                procedure: '90837',
                modifiers: ['95', 'HO', '59', 'XE', 'GT'],
                units: 0,
                diagnosisPointers: [1],
              },
            ],
          }),
        ),
      ).toEqual(expect.arrayContaining(['diagnoses', 'lines.0.modifiers', 'lines.0.units']));
    });

    it('answers 404 for an appointment of another practice, and for a practice the caller is not in', async () => {
      expect(
        await rpcError(
          h.rpc.send(
            'claims.appointment.get',
            { practiceId: otherPracticeId, appointmentId },
            { actor: staff },
          ),
        ),
      ).toMatchObject({ code: 'not_found' });
      expect(
        await rpcError(
          h.rpc.send('claims.appointment.get', { practiceId, appointmentId }, { actor: otherOwner }),
        ),
      ).toMatchObject({ code: 'not_found' });
      expect(
        (await h.rpc.send('claims.appointment.list', { practiceId: otherPracticeId }, { actor: otherOwner }))
          .total,
      ).toBe(0);
    });

    it('updates what the PATCH names, moves the version, and refuses a stale one (409)', async () => {
      const noShow = await h.rpc.send(
        'claims.appointment.update',
        { practiceId, appointmentId, version: 1, attendance: 'no_show' },
        { actor: clinician },
      );
      expect(noShow).toMatchObject({ attendance: 'no_show', version: 2 });
      expect(
        await rpcError(
          h.rpc.send(
            'claims.appointment.update',
            { practiceId, appointmentId, version: 1, attendance: 'attended' },
            { actor: staff },
          ),
        ),
      ).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });

      // Lines alone still move the version: it covers the whole appointment.
      const relined = await h.rpc.send(
        'claims.appointment.update',
        {
          practiceId,
          appointmentId,
          version: 2,
          lines: [
            { procedure: '90837', modifiers: ['93'], units: 1, feeCents: 14000, diagnosisPointers: [2] },
          ],
        },
        { actor: staff },
      );
      expect(relined).toMatchObject({
        version: 3,
        attendance: 'no_show',
        lines: [{ modifiers: ['93'], feeCents: 14000, feeSource: 'override', diagnosisPointers: [2] }],
      });

      // Nothing changed: same version, no event.
      const same = await h.rpc.send(
        'claims.appointment.update',
        { practiceId, appointmentId, version: 3, attendance: 'no_show' },
        { actor: staff },
      );
      expect(same.version).toBe(3);

      // A PATCH is checked as the appointment would be saved: dropping to one diagnosis orphans pointer 2.
      const orphan = await rpcError(
        h.rpc.send(
          'claims.appointment.update',
          { practiceId, appointmentId, version: 3, diagnoses: ['F43.10'] },
          { actor: staff },
        ),
      );
      expect(orphan.errors?.map((e) => e.field)).toEqual(['lines.0.diagnosisPointers']);

      expect(await outboxTypes(appointmentId)).toEqual([
        'claims.appointment.created',
        'claims.appointment.updated',
        'claims.appointment.updated',
      ]);
      await waitFor('both updates observed', () =>
        h.seen.filter((e) => e.aggregateId === appointmentId && e.type === 'claims.appointment.updated')
          .length === 2
          ? true
          : undefined,
      );
      const updates = h.seen.filter(
        (e) => e.aggregateId === appointmentId && e.type === 'claims.appointment.updated',
      );
      expect(updates.map((e) => (e.data as { changed: string[] }).changed)).toEqual([
        ['attendance'],
        ['lines'],
      ]);
    });

    it('lists a practice’s appointments newest first, by date of service and client', async () => {
      const later = await create(staff, telehealth({ serviceDate: '2026-11-10' }));
      const all = await h.rpc.send('claims.appointment.list', { practiceId }, { actor: admin });
      expect(all.total).toBe(3);
      expect(all.items[0].id).toBe(later.id);
      const range = await h.rpc.send(
        'claims.appointment.list',
        { practiceId, from: '2026-11-04', to: '2026-11-30', clientId },
        { actor: clinician },
      );
      expect(range.items.map((a) => a.id)).toEqual([later.id]);
      expect(
        (
          await h.rpc.send(
            'claims.appointment.list',
            { practiceId, clientId: otherClientId },
            { actor: staff },
          )
        ).total,
      ).toBe(0);
    });
  });

  it('answers the gateway’s health ping', async () => {
    expect(app).toBeDefined();
    expect(await h.rpc.ping('claims.health.ping', 2000)).toMatchObject({ ok: true });
  });
});
