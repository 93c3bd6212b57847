import {
  accessToken,
  address,
  api,
  API_URL,
  uniqueName,
  users,
  type ApiResponse,
  newPractice,
  newClinician,
} from './client';

/**
 * The appointments CSV import through the gateway: a multipart upload, a preview naming each bad
 * row's column, a commit of the valid rows, and a re-upload of the same file that creates nothing.
 */
describe('appointments CSV import', () => {
  let staff: string;
  let owner: string;
  let practiceId: string;
  let clientId: string;
  let clinicianId: string;

  const header =
    'client_id,clinician_id,date,start_time,minutes,place_of_service,location_id,diagnoses,procedure,modifiers,units,fee,diagnosis_pointers,attendance,billing_type';
  const row = (date: string, over: { diagnoses?: string; modifiers?: string } = {}) =>
    `${clientId},${clinicianId},${date},09:00,53,10,,${over.diagnoses ?? 'F43.10'},90837,${over.modifiers ?? '95'},1,,1,attended,insurance`;

  async function upload(
    step: 'preview' | 'commit',
    csv: string | Buffer,
    token = staff,
    fields: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'week.csv');
    const res = await fetch(`${API_URL}/api/v1/practices/${practiceId}/appointments/import/${step}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }

  const count = async (): Promise<number> =>
    (await api('GET', `/practices/${practiceId}/appointments?limit=1`, { token: staff })).body.total;

  beforeAll(async () => {
    staff = await accessToken(users.staff);
    owner = await accessToken(users.owner);
    practiceId = await newPractice(staff, 'Import', '(512) 555-0102');
    clinicianId = await newClinician(staff, practiceId);
    const client = await api('POST', `/practices/${practiceId}/clients`, {
      token: staff,
      body: { firstName: 'Ada', lastName: uniqueName('Client'), birthDate: '1985-04-12', sex: 'F', address },
    });
    expect(client.status).toBe(201);
    clientId = client.body.id;
    const fees = await api('PUT', `/practices/${practiceId}/fee-schedule`, {
      token: staff,
      body: { version: 0, entries: [{ procedure: '90837', modifiers: ['95'], feeCents: 16000 }] },
    });
    expect(fees.status).toBe(200);
  });

  it('previews every row with its problems by column and saves nothing', async () => {
    const csv = [header, row('2026-11-03'), row('2026-11-04', { diagnoses: 'F43', modifiers: '' }), ''].join(
      '\r\n',
    );
    const r = await upload('preview', csv);
    expect(r.status).toBe(200);
    expect(r.body.counts).toEqual({ rows: 2, valid: 1, invalid: 1, imported: 0 });
    expect(r.body.rows[0]).toMatchObject({ row: 2, status: 'valid', values: { feeCents: 16000 } });
    const bad = r.body.rows[1];
    expect(bad).toMatchObject({ row: 3, status: 'invalid' });
    const columns = bad.problems.map((p: { column: string }) => p.column);
    expect(columns).toEqual(expect.arrayContaining(['diagnoses', 'modifiers']));
    expect(bad.problems.find((p: { column: string }) => p.column === 'diagnoses').message).toMatch(/heading/);
    expect(await count()).toBe(0);
  });

  it('refuses what is not an importable file with problem+json: unknown columns, not UTF-8, too large, not multipart', async () => {
    const unknown = await upload('preview', 'client_id,who\n1,2\n');
    expect(unknown.status).toBe(422);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(unknown.body.errors[0]).toMatchObject({ field: 'file' });
    const latin1 = await upload('preview', Buffer.from([0x63, 0x6c, 0x69, 0xe9, 0x0a]));
    expect(latin1.status).toBe(422);
    expect(latin1.body.errors[0]).toMatchObject({ field: 'file', rule: 'encoding' });
    const big = await upload('preview', `${header}\n${'x'.repeat(600 * 1024)}\n`);
    expect(big.status).toBe(413);
    const json = await api('POST', `/practices/${practiceId}/appointments/import/preview`, {
      token: staff,
      body: { file: header },
    });
    expect(json.status).toBe(415);
  });

  it('commits the valid rows; the same file again creates nothing new and says so', async () => {
    const csv = [header, row('2026-11-10'), row('2026-11-11', { modifiers: '' }), row('2026-11-12')].join(
      '\n',
    );
    const first = await upload('commit', csv);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ totalRows: 3, created: 2, alreadyImported: 0, invalid: 1 });
    expect(first.body.rows.map((r: { status: string }) => r.status)).toEqual([
      'created',
      'invalid',
      'created',
    ]);
    expect(await count()).toBe(2);
    const again = await upload('commit', csv, staff, { fromRow: '2', toRow: '4' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, alreadyImported: 2, invalid: 1 });
    expect(await count()).toBe(2);
    const preview = await upload('preview', csv);
    expect(preview.body.counts).toEqual({ rows: 3, valid: 0, invalid: 1, imported: 2 });
    const bad = await upload('commit', csv, staff, { fromRow: 'one' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'fromRow' });
  });

  it('answers 404 to someone outside the practice, before reading the file', async () => {
    const r = await upload('preview', `${header}\n`, owner);
    expect(r.status).toBe(404);
  });
});
