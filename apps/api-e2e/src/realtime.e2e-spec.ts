import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { waitFor } from '@claimline/backend/util-testing';
import type { RealtimeServerFrame } from '@claimline/contracts/messaging';
import { accessToken, address, api, API_URL, EVENTUALLY, uniqueName, users } from './client';

/** A socket of the test on the stack's gateway, signed in, with every frame it got. */
async function openSocket(token: string): Promise<{ ws: WebSocket; frames: RealtimeServerFrame[] }> {
  const ws = new WebSocket(`${API_URL.replace(/^http/, 'ws')}/api/v1/realtime`);
  const frames: RealtimeServerFrame[] = [];
  ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as RealtimeServerFrame));
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
  });
  ws.send(JSON.stringify({ type: 'auth', token }));
  await waitFor('ready', async () => frames.some((f) => f.type === 'ready') || null, 5000, 20);
  return { ws, frames };
}

/**
 * The messaging socket against the whole stack (ADR 0026): messaging-service's real outbox
 * events reach the owner's socket within a second, with the owner's unread counts, and after a
 * reconnection the owner catches up with `GET …/messages?after=<last seen>`.
 */
describe('secure messaging live (WebSocket)', () => {
  const sockets: WebSocket[] = [];
  afterAll(() => sockets.forEach((s) => s.terminate()));

  it('pushes a new message within a second, and a reconnecting client catches up from its last seen message', async () => {
    const admin = await accessToken(users.admin);
    const practice = await api('POST', '/practices', {
      token: admin,
      body: {
        type: 'solo',
        name: uniqueName('Realtime Practice'),
        phone: '5125550100',
        address,
        secureMessagingEnabled: true,
      },
    });
    expect(practice.status).toBe(201);
    const practiceId = practice.body.id as string;
    const email = `owner-${randomBytes(4).toString('hex')}@realtime.test`;
    const password = `Harbor-${randomBytes(6).toString('hex')}-Lantern`;
    expect(
      (
        await api('POST', `/practices/${practiceId}/team-members`, {
          token: admin,
          body: { firstName: 'Robin', lastName: 'Hale', email, role: 'owner', secureMessagingEnabled: true },
        })
      ).status,
    ).toBe(201);
    const user = await api('POST', '/users', {
      token: admin,
      body: { email, displayName: 'Robin Hale', password, role: 'practice_owner', practiceId },
    });
    expect(user.status).toBe(201);
    const staffMe = (await api('GET', '/auth/me', { token: await accessToken(users.staff) })).body;
    await api('PUT', `/users/${staffMe.id}/practices`, {
      token: admin,
      body: { practiceIds: [...(staffMe.practiceIds ?? []), practiceId] },
    });
    const staff = await accessToken(users.staff);
    const owner = await accessToken({ email, password });

    const first = await openSocket(owner);
    sockets.push(first.ws);
    const thread = await waitFor(
      'messaging to know the practice',
      async () => {
        const r = await api('POST', `/practices/${practiceId}/threads`, {
          token: staff,
          body: { subject: 'Live', participantUserIds: [user.body.id], text: 'First' },
        });
        return r.status === 201 ? r : null;
      },
      ...EVENTUALLY,
    );
    const threadId = thread.body.id as string;
    const sentAt = Date.now();
    const reply = await api('POST', `/practices/${practiceId}/threads/${threadId}/messages`, {
      token: staff,
      body: { text: 'Second' },
    });
    expect(reply.status).toBe(201);
    const pushed = await waitFor(
      'the pushed message',
      async () =>
        first.frames.find(
          (f): f is Extract<RealtimeServerFrame, { type: 'message.posted' }> =>
            f.type === 'message.posted' && f.messageId === reply.body.id,
        ) ?? null,
      5000,
      10,
    );
    expect(Date.now() - sentAt).toBeLessThan(1000);
    expect(pushed).toEqual(expect.objectContaining({ practiceId, threadId, senderId: staffMe.id }));
    expect(JSON.stringify(first.frames)).not.toContain('Second');
    await waitFor(
      'the owner’s counts',
      async () =>
        first.frames.some(
          (f) =>
            f.type === 'unread' && f.practices.some((p) => p.practiceId === practiceId && p.unread === 2),
        ) || null,
      5000,
      20,
    );

    // Away: two more messages, then back on a new socket, catching up from the last one seen.
    first.ws.close();
    for (const text of ['Third', 'Fourth'])
      expect(
        (
          await api('POST', `/practices/${practiceId}/threads/${threadId}/messages`, {
            token: staff,
            body: { text },
          })
        ).status,
      ).toBe(201);
    const second = await openSocket(owner);
    sockets.push(second.ws);
    const missed = await api(
      'GET',
      `/practices/${practiceId}/threads/${threadId}/messages?after=${pushed.messageId}`,
      {
        token: owner,
      },
    );
    expect(missed.status).toBe(200);
    expect(missed.body.items.map((m: { text: string }) => m.text)).toEqual(['Third', 'Fourth']);
  });
});
