import { randomBytes } from 'node:crypto';
import { waitFor } from '@claimline/backend/util-testing';
import { accessToken, address, api, EVENTUALLY, uniqueName, uploadForm, users } from './client';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
}

const mails = async (): Promise<CaughtMail[]> =>
  (await fetch(`${process.env['E2E_MAIL_URL']}/messages`).then((r) => r.json())) as CaughtMail[];

/**
 * Secure messaging through the gateway (issue #19): a practice with Secure Messaging on, its
 * owner and the billing staff assigned to it talk in a thread; read state and unread counts;
 * the unread e-mail (the stack runs with a 5-second delay) reaches the mail catcher once, with
 * no PHI; another practice's people get 404; reads are audited; a document is attached.
 */
describe('secure messaging', () => {
  let admin: string;
  let staff: string;
  let owner: string;
  let strangerOwner: string;
  let practiceId = '';
  let staffId = '';
  let ownerId = '';
  let threadId = '';
  const ownerEmail = `owner-${randomBytes(4).toString('hex')}@messaging.test`;
  const ownerPassword = `Harbor-${randomBytes(6).toString('hex')}-Lantern`;

  beforeAll(async () => {
    admin = await accessToken(users.admin);
    strangerOwner = await accessToken(users.owner);
    const created = await api('POST', '/practices', {
      token: admin,
      body: {
        type: 'solo',
        name: uniqueName('Messaging Practice'),
        phone: '5125550100',
        address,
        secureMessagingEnabled: true,
      },
    });
    expect(created.status).toBe(201);
    practiceId = created.body.id;
    const member = await api('POST', `/practices/${practiceId}/team-members`, {
      token: admin,
      body: {
        firstName: 'Robin',
        lastName: 'Hale',
        email: ownerEmail,
        role: 'owner',
        secureMessagingEnabled: true,
      },
    });
    expect(member.status).toBe(201);
    const user = await api('POST', '/users', {
      token: admin,
      body: {
        email: ownerEmail,
        displayName: 'Robin Hale',
        password: ownerPassword,
        role: 'practice_owner',
        practiceId,
      },
    });
    expect(user.status).toBe(201);
    ownerId = user.body.id;
    owner = await accessToken({ email: ownerEmail, password: ownerPassword });
    // The demo billing staff member works for this practice too.
    const staffMe = (await api('GET', '/auth/me', { token: await accessToken(users.staff) })).body;
    staffId = staffMe.id;
    const assigned = await api('PUT', `/users/${staffId}/practices`, {
      token: admin,
      body: { practiceIds: [...(staffMe.practiceIds ?? []), practiceId] },
    });
    expect(assigned.status).toBe(200);
    staff = await accessToken(users.staff);
  });

  it('lists the people one can write to: the owner and the assigned billing staff', async () => {
    const people = await api('GET', `/practices/${practiceId}/messaging/participants`, { token: owner });
    expect(people.status).toBe(200);
    expect(people.body.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([ownerId, staffId]));
    expect(JSON.stringify(people.body)).not.toContain('@');
  });

  it('lets the owner and the biller talk, with read state and unread counts', async () => {
    // The messaging service learns the practice's switches from practice-settings' events.
    const thread = await waitFor(
      'the thread to be created once messaging knows the practice',
      async () => {
        const r = await api('POST', `/practices/${practiceId}/threads`, {
          token: owner,
          body: {
            subject: 'March claims',
            participantUserIds: [staffId],
            text: 'Did the 90837 claim go out?',
          },
        });
        return r.status === 201 ? r : null;
      },
      ...EVENTUALLY,
    );
    threadId = thread.body.id;
    expect(thread.body.participants.map((p: { id: string; side: string }) => [p.id, p.side])).toEqual(
      expect.arrayContaining([
        [ownerId, 'practice'],
        [staffId, 'billing'],
      ]),
    );

    const unread = await api('GET', `/messaging/unread?practiceId=${practiceId}`, { token: staff });
    expect(unread.body).toEqual({ total: 1, practices: [{ practiceId, unread: 1, threads: 1 }] });
    const list = await api('GET', `/practices/${practiceId}/threads`, { token: staff });
    expect(list.body.items.map((t: { id: string; unread: number }) => [t.id, t.unread])).toEqual([
      [threadId, 1],
    ]);
    const read = await api('POST', `/practices/${practiceId}/threads/${threadId}/read`, {
      token: staff,
      body: {},
    });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ threadId, marked: 1, unread: 0 });

    const reply = await api('POST', `/practices/${practiceId}/threads/${threadId}/messages`, {
      token: staff,
      body: { text: 'Yes, sent on Monday; the payer has not answered yet.' },
    });
    expect(reply.status).toBe(201);
    const messages = await api('GET', `/practices/${practiceId}/threads/${threadId}/messages`, {
      token: owner,
    });
    expect(messages.status).toBe(200);
    expect(
      messages.body.items.map((m: { senderId: string; readBy: string[] }) => [m.senderId, m.readBy]),
    ).toEqual([
      [staffId, []],
      [ownerId, [staffId]],
    ]);
    expect((await api('GET', '/messaging/unread', { token: owner })).body.practices).toContainEqual({
      practiceId,
      unread: 1,
      threads: 1,
    });
  });

  it('e-mails the owner once about the reply they did not read — no text, no names', async () => {
    const toOwner = await waitFor(
      'the unread e-mail to the owner',
      async () => {
        const mine = (await mails()).filter((m) => m.to.includes(ownerEmail));
        return mine.length >= 1 ? mine : null;
      },
      ...EVENTUALLY,
    );
    // Give a second reminder every chance to (wrongly) arrive.
    await new Promise((r) => setTimeout(r, 7000));
    const again = (await mails()).filter((m) => m.to.includes(ownerEmail));
    expect(again).toHaveLength(1);
    expect(toOwner[0].subject).toBe('You have a new secure message');
    expect(toOwner[0].text).toContain(`/practices/${practiceId}/messages/${threadId}`);
    expect(toOwner[0].text).not.toMatch(/payer|Monday|March|Billing Team|Robin/);
    // The biller read the owner's message in time: nothing for this thread.
    const toStaff = (await mails()).filter(
      (m) => m.to.includes(users.staff.email) && m.text.includes(threadId),
    );
    expect(toStaff).toHaveLength(0);
  });

  it('answers 404 to another practice’s owner, and audits every read of the thread', async () => {
    for (const path of [
      `/practices/${practiceId}/threads`,
      `/practices/${practiceId}/threads/${threadId}`,
      `/practices/${practiceId}/threads/${threadId}/messages`,
      `/practices/${practiceId}/messaging/participants`,
    ]) {
      const r = await api('GET', path, { token: strangerOwner });
      expect([path, r.status]).toEqual([path, 404]);
    }
    const demoPractice = (await api('GET', '/auth/me', { token: strangerOwner })).body.practiceId;
    const guessed = await api('GET', `/practices/${demoPractice}/threads/${threadId}`, {
      token: strangerOwner,
    });
    expect(guessed.status).toBe(404);
    await api('GET', `/practices/${practiceId}/threads/${threadId}`, { token: staff });
    const audit = await api(
      'GET',
      `/audit-events?practiceId=${practiceId}&resourceType=message_thread&resourceId=${threadId}&action=read&limit=50`,
      { token: admin },
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses bad input with problem+json naming the field, and attaches a document of the thread', async () => {
    const long = await api('POST', `/practices/${practiceId}/threads/${threadId}/messages`, {
      token: owner,
      body: { text: 'x'.repeat(10_001) },
    });
    expect(long.status).toBe(422);
    expect(long.headers.get('content-type')).toContain('application/problem+json');
    expect(long.body.errors.map((e: { field: string }) => e.field)).toContain('text');

    const doc = await uploadForm(
      owner,
      practiceId,
      { linkedType: 'message', linkedId: threadId, kind: 'other' },
      PNG,
      'eob.png',
      'image/png',
    );
    expect(doc.status).toBe(201);
    const withFile = await api('POST', `/practices/${practiceId}/threads/${threadId}/messages`, {
      token: owner,
      body: { text: 'The EOB is attached.', attachmentIds: [doc.body.id] },
    });
    expect(withFile.status).toBe(201);
    expect(withFile.body.attachmentIds).toEqual([doc.body.id]);
    const foreign = await api('POST', `/practices/${practiceId}/threads/${threadId}/messages`, {
      token: owner,
      body: { text: 'Not mine', attachmentIds: ['4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10'] },
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors[0].field).toBe('attachmentIds');
  });
});
