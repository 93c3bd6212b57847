import { randomUUID } from 'node:crypto';
import type { Actor } from '@claimline/contracts/common';
import { rpcError } from '@claimline/backend/util-testing';
import { clientView, Harness, memberView } from './harness';

describe('claims service: the appointments CSV import (real PostgreSQL and NATS)', () => {
  const h = new Harness();
  const practiceId = randomUUID();
  const otherPracticeId = randomUUID();
  const clientId = randomUUID();
  const clinicianId = randomUUID();
  const otherClientId = randomUUID();
  const staff: Actor = { userId: 'staff-1', role: 'billing_staff', practiceIds: [practiceId] };
  const outsider: Actor = { userId: 'owner-2', role: 'practice_owner', practiceIds: [otherPracticeId] };

  const header =
    'client_id,clinician_id,date,start_time,minutes,place_of_service,location_id,diagnoses,procedure,modifiers,units,fee,diagnosis_pointers,attendance,billing_type';
  const good = (date: string, fee = '') =>
    `${clientId},${clinicianId},${date},09:00,53,10,,F43.10,90837,95,1,${fee},1,attended,insurance`;
  // Row 3: an unknown diagnosis, telehealth without its modifier (so no fee in the schedule either)
  // and another practice's client.
  const bad = `${otherClientId},${clinicianId},2026-11-04,10:00,53,10,,F99.99X,90837,,1,,1,attended,insurance`;
  const file = [header, good('2026-11-03'), bad, good('2026-11-05', '175.00'), ''].join('\r\n');

  const preview = (actor: Actor, csv: string, pid = practiceId) =>
    h.rpc.send('claims.appointment-import.preview', { practiceId: pid, file: csv }, { actor });
  const commit = (actor: Actor, csv: string, range: { fromRow?: number; toRow?: number } = {}) =>
    h.rpc.send('claims.appointment-import.commit', { practiceId, file: csv, ...range }, { actor });
  const appointmentCount = async (): Promise<number> =>
    Number(
      (
        await h.sql.query(`SELECT count(*) AS n FROM claims.appointment WHERE practice_id = $1`, [practiceId])
      )[0].n,
    );

  beforeAll(async () => {
    await h.setUp();
    h.clients.set(clientId, clientView(practiceId, clientId));
    h.clients.set(otherClientId, clientView(otherPracticeId, otherClientId));
    h.members.set(clinicianId, memberView(practiceId, clinicianId, '1234567893'));
    await h.start();
    await h.rpc.send(
      'claims.fee-schedule.put',
      { practiceId, version: 0, entries: [{ procedure: '90837', modifiers: ['95'], feeCents: 16000 }] },
      { actor: staff },
    );
  });

  afterAll(() => h.tearDown());

  it('previews every row with its problems by column, prices from the schedule, and saves nothing', async () => {
    const p = await preview(staff, file);
    expect(p.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.counts).toEqual({ rows: 3, valid: 2, invalid: 1, imported: 0 });
    expect(p.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'valid'],
      [3, 'invalid'],
      [4, 'valid'],
    ]);
    expect(p.rows[0].values.feeCents).toBe(16000);
    expect(p.rows[2].values.feeCents).toBe(17500);
    expect(p.rows[1].problems.map((x) => x.column).sort()).toEqual([
      'client_id',
      'diagnoses',
      'fee',
      'modifiers',
    ]);
    expect(p.rows[1].problems.find((x) => x.column === 'modifiers')?.message).toMatch(/95/);
    expect(await appointmentCount()).toBe(0);
  });

  it('refuses a file it cannot read on `file`, and another practice answers 404', async () => {
    const e = await rpcError(preview(staff, 'client_id,who\n1,2\n'));
    expect(e.code).toBe('validation_failed');
    expect(e.errors?.[0]).toMatchObject({ field: 'file', rule: 'csv' });
    expect(e.errors?.[0].message).toMatch(/Unknown column who/);
    expect((await rpcError(preview(outsider, file, practiceId))).code).toBe('not_found');
  });

  it('commits the valid rows in chunks; a re-upload of the same file creates nothing and says so', async () => {
    const first = await commit(staff, file, { fromRow: 2, toRow: 3 });
    expect(first).toMatchObject({ totalRows: 3, created: 1, alreadyImported: 0, invalid: 1 });
    const rest = await commit(staff, file, { fromRow: 4 });
    expect(rest).toMatchObject({ created: 1, alreadyImported: 0, invalid: 0 });
    expect(await appointmentCount()).toBe(2);
    const saved = await h.rpc.send(
      'claims.appointment.get',
      { practiceId, appointmentId: rest.rows[0].appointmentId as string },
      { actor: staff },
    );
    expect(saved.lines[0]).toMatchObject({ feeCents: 17500, feeSource: 'override' });

    const again = await commit(staff, file);
    expect(again).toMatchObject({ created: 0, alreadyImported: 2, invalid: 1 });
    expect(again.rows.map((r) => r.status)).toEqual(['imported', 'invalid', 'imported']);
    expect(await appointmentCount()).toBe(2);
    expect((await preview(staff, file)).counts).toEqual({ rows: 3, valid: 0, invalid: 1, imported: 2 });

    // Two uploads of a new file at once: each row is saved once.
    const other = [header, good('2026-12-01'), good('2026-12-02')].join('\n');
    const both = await Promise.all([commit(staff, other), commit(staff, other)]);
    expect(both.reduce((n, r) => n + r.created, 0)).toBe(2);
    expect(both.reduce((n, r) => n + r.alreadyImported, 0)).toBe(2);
    expect(await appointmentCount()).toBe(4);
    const created = await h.sql.query(
      `SELECT count(*) AS n FROM claims.outbox WHERE type = 'claims.appointment.created'`,
    );
    expect(Number(created[0].n)).toBe(4);
  });
});
