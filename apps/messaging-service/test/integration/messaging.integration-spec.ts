import { randomUUID } from 'node:crypto';
import { rpcError, waitFor } from '@claimline/backend/util-testing';
import { MESSAGE_MAX_LENGTH } from '@claimline/contracts/messaging';
import { Harness, memberView, person, practiceView } from './harness';

describe('messaging service', () => {
  const h = new Harness();
  const practice = practiceView(false);
  const other = practiceView(true);
  const owner = person('practice_owner', [practice.id], 'owner@quietharbor.test', 'Dana Rivera');
  const clinician = person('clinician', [practice.id], 'sam@quietharbor.test', 'Sam Lee');
  const biller = person('billing_staff', [practice.id, other.id], 'biller@billing.test', 'Billing Team');
  const outsider = person('practice_owner', [other.id], 'owner@other.test', 'Other Owner');
  const ownerMember = memberView(practice.id, 'Owner@QuietHarbor.test', true);
  const clinicianMember = memberView(practice.id, 'sam@quietharbor.test', false);
  const outsiderMember = memberView(other.id, 'owner@other.test', true);

  const create = (who = owner, over: Record<string, unknown> = {}) =>
    h.rpc.send(
      'messaging.thread.create',
      {
        practiceId: practice.id,
        subject: 'March claims',
        participants: [who.participant, biller.participant],
        message: { text: 'Can you check the claim for the 12th?' },
        ...over,
      },
      { actor: who.actor },
    );

  beforeAll(async () => {
    await h.setUp();
    await h.start();
    await h.publishPractice(practice);
    await h.publishPractice(other);
    await h.publishMember(ownerMember);
    await h.publishMember(clinicianMember);
    await h.publishMember(outsiderMember);
    await h.practiceSwitch(practice.id, false);
    await h.practiceSwitch(other.id, true);
    await h.memberSwitch(clinicianMember.id, false);
    await h.memberSwitch(outsiderMember.id, true);
  });

  afterAll(() => h.tearDown());

  it('refuses to start a thread while the practice has Secure Messaging off, and says so', async () => {
    const error = await rpcError(create());
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/Secure Messaging is off for this practice/);
  });

  it('refuses a team member who has Secure Messaging off, naming them', async () => {
    await h.publishPractice({ ...practice, secureMessagingEnabled: true, version: 2 }, 'updated');
    await h.practiceSwitch(practice.id, true);
    const error = await rpcError(
      create(owner, { participants: [owner.participant, clinician.participant, biller.participant] }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.errors).toEqual([
      expect.objectContaining({ field: 'participantUserIds', rule: 'secure_messaging_off' }),
    ]);
    expect(error.message).toContain('Sam Lee');
  });

  it('lets the owner and the biller talk: unread counts, read state, receipts, events', async () => {
    const thread = await create();
    expect(thread).toMatchObject({
      practiceId: practice.id,
      subject: 'March claims',
      messageCount: 1,
      unread: 0,
      participants: [
        expect.objectContaining({ id: owner.actor.userId, side: 'practice', role: 'practice_owner' }),
        expect.objectContaining({ id: biller.actor.userId, side: 'billing', role: 'billing_staff' }),
      ],
    });
    // Addresses are never shown.
    expect(JSON.stringify(thread)).not.toContain('@');

    const list = await h.rpc.send(
      'messaging.thread.list',
      { practiceId: practice.id },
      { actor: biller.actor },
    );
    expect(list.items.map((t) => [t.id, t.unread])).toContainEqual([thread.id, 1]);
    expect(await h.rpc.send('messaging.unread.counts', {}, { actor: biller.actor })).toEqual({
      total: 1,
      practices: [{ practiceId: practice.id, unread: 1, threads: 1 }],
    });

    const reply = await h.rpc.send(
      'messaging.message.post',
      { practiceId: practice.id, threadId: thread.id, text: 'On it.\nIt was denied for a missing modifier.' },
      { actor: biller.actor },
    );
    expect(reply.readBy).toEqual([]);
    const read = await h.rpc.send(
      'messaging.thread.mark-read',
      { practiceId: practice.id, threadId: thread.id },
      { actor: owner.actor },
    );
    expect(read).toEqual({ threadId: thread.id, marked: 1, unread: 0 });
    const page = await h.rpc.send(
      'messaging.message.list',
      { practiceId: practice.id, threadId: thread.id },
      { actor: biller.actor },
    );
    expect(page.items.map((m) => [m.id, m.readBy])).toEqual([
      [reply.id, [owner.actor.userId]],
      [thread.message.id, []],
    ]);
    expect((await h.rpc.send('messaging.unread.counts', {}, { actor: owner.actor })).total).toBe(0);

    await h.waitForEvent(
      (e) => e.type === 'messaging.thread.read' && e.aggregateId === thread.id,
      'the read receipt event',
    );
    const posted = await h.waitForEvent(
      (e) =>
        e.type === 'messaging.message.posted' && (e.data as { messageId: string }).messageId === reply.id,
      'the posted event',
    );
    // Ids only: no text in events.
    expect(JSON.stringify(posted)).not.toContain('modifier');
    expect(posted.data).toMatchObject({ senderId: biller.actor.userId, recipientIds: [owner.actor.userId] });
  });

  it('edits within the window and deletes, both shown as such; only the sender may', async () => {
    const thread = await create();
    const ref = { practiceId: practice.id, threadId: thread.id, messageId: thread.message.id };
    const notSender = await rpcError(
      h.rpc.send('messaging.message.edit', { ...ref, text: 'x' }, { actor: biller.actor }),
    );
    expect(notSender.code).toBe('forbidden');
    const edited = await h.rpc.send(
      'messaging.message.edit',
      { ...ref, text: 'The claim of the 14th' },
      { actor: owner.actor },
    );
    expect(edited).toMatchObject({ text: 'The claim of the 14th', deletedAt: null });
    expect(edited.editedAt).not.toBeNull();
    // The test runs the service with a 2-second edit window.
    await new Promise((r) => setTimeout(r, 2200));
    const late = await rpcError(
      h.rpc.send('messaging.message.edit', { ...ref, text: 'too late' }, { actor: owner.actor }),
    );
    expect(late.code).toBe('conflict');
    const deleted = await h.rpc.send('messaging.message.delete', ref, { actor: owner.actor });
    expect(deleted).toMatchObject({ text: '', attachmentIds: [], id: thread.message.id });
    expect(deleted.deletedAt).not.toBeNull();
    const [shown] = (
      await h.rpc.send(
        'messaging.message.list',
        { practiceId: practice.id, threadId: thread.id },
        { actor: biller.actor },
      )
    ).items;
    expect(shown).toMatchObject({ id: thread.message.id, text: '', deletedAt: deleted.deletedAt });
    // Nothing left to read, nothing to remind.
    const got = await h.rpc.send(
      'messaging.thread.get',
      { practiceId: practice.id, threadId: thread.id },
      { actor: biller.actor },
    );
    expect(got.unread).toBe(0);
    expect((await h.timers(thread.id)).map((t) => t.outcome)).toEqual(['deleted']);
  });

  it('answers 404 for another practice’s thread, a thread the caller is not in, and a guessed id', async () => {
    const thread = await create();
    const otherThread = await h.rpc.send(
      'messaging.thread.create',
      {
        practiceId: other.id,
        subject: 'Other practice',
        participants: [biller.participant, outsider.participant],
        message: { text: 'hello' },
      },
      { actor: biller.actor },
    );
    // The owner of practice A names B's thread under A, and under B (out of scope).
    for (const [practiceId, threadId] of [
      [practice.id, otherThread.id],
      [other.id, otherThread.id],
      [practice.id, randomUUID()],
    ]) {
      const e = await rpcError(
        h.rpc.send('messaging.thread.get', { practiceId, threadId }, { actor: owner.actor }),
      );
      expect(e.code).toBe('not_found');
    }
    // A person of the practice who is not in the thread.
    const notIn = await rpcError(
      h.rpc.send(
        'messaging.message.list',
        { practiceId: practice.id, threadId: thread.id },
        { actor: clinician.actor },
      ),
    );
    expect(notIn.code).toBe('not_found');
    const post = await rpcError(
      h.rpc.send(
        'messaging.message.post',
        { practiceId: practice.id, threadId: otherThread.id, text: 'sneaky' },
        { actor: owner.actor },
      ),
    );
    expect(post.code).toBe('not_found');
    // Lists never show another practice's threads.
    const mine = await h.rpc.send(
      'messaging.thread.list',
      { practiceId: practice.id },
      { actor: biller.actor },
    );
    expect(mine.items.every((t) => t.practiceId === practice.id)).toBe(true);
  });

  it('searches what the user may see, filters by what a thread is about, and pages by cursor', async () => {
    const claimId = randomUUID();
    const about = await create(owner, {
      subject: 'Denied claim',
      about: { type: 'claim', id: claimId },
      message: { text: 'The payer wants the authorization number' },
    });
    const found = await h.rpc.send(
      'messaging.thread.list',
      { practiceId: practice.id, search: 'authorization' },
      { actor: biller.actor },
    );
    expect(found.items.map((t) => t.id)).toEqual([about.id]);
    expect(found.items[0].about).toEqual({ type: 'claim', id: claimId });
    const bySubject = await h.rpc.send(
      'messaging.thread.list',
      { practiceId: practice.id, search: 'denied' },
      { actor: owner.actor },
    );
    expect(bySubject.items.map((t) => t.id)).toContain(about.id);
    // The clinician is in none of them: search finds nothing.
    const none = await h.rpc.send(
      'messaging.thread.list',
      { practiceId: practice.id, search: 'authorization' },
      { actor: clinician.actor },
    );
    expect(none.items).toEqual([]);
    const filtered = await h.rpc.send(
      'messaging.thread.list',
      { practiceId: practice.id, aboutType: 'claim', aboutId: claimId },
      { actor: owner.actor },
    );
    expect(filtered.items.map((t) => t.id)).toEqual([about.id]);

    const all = await h.rpc.send(
      'messaging.thread.list',
      { practiceId: practice.id, limit: 100 },
      { actor: owner.actor },
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.rpc.send(
        'messaging.thread.list',
        { practiceId: practice.id, limit: 2, cursor },
        { actor: owner.actor },
      );
      seen.push(...page.items.map((t) => t.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((t) => t.id));
    expect(seen.length).toBeGreaterThanOrEqual(4);

    const bad = await rpcError(
      h.rpc.send(
        'messaging.thread.list',
        { practiceId: practice.id, cursor: 'bm9wZQ' },
        { actor: owner.actor },
      ),
    );
    expect(bad.errors?.[0].field).toBe('cursor');
  });

  it('catches up after a last-seen message and pages messages newest first', async () => {
    const thread = await create();
    const ids = [thread.message.id];
    for (let i = 0; i < 4; i++) {
      ids.push(
        (
          await h.rpc.send(
            'messaging.message.post',
            { practiceId: practice.id, threadId: thread.id, text: `update ${i}` },
            { actor: i % 2 ? owner.actor : biller.actor },
          )
        ).id,
      );
    }
    const after = await h.rpc.send(
      'messaging.message.list',
      { practiceId: practice.id, threadId: thread.id, after: ids[1] },
      { actor: owner.actor },
    );
    expect(after.items.map((m) => m.id)).toEqual(ids.slice(2));
    const first = await h.rpc.send(
      'messaging.message.list',
      { practiceId: practice.id, threadId: thread.id, limit: 3 },
      { actor: owner.actor },
    );
    const second = await h.rpc.send(
      'messaging.message.list',
      { practiceId: practice.id, threadId: thread.id, limit: 3, cursor: first.nextCursor! },
      { actor: owner.actor },
    );
    expect([...first.items, ...second.items].map((m) => m.id)).toEqual([...ids].reverse());
    expect(second.nextCursor).toBeNull();
  });

  it('refuses a text over the limit and a sender whose switch went off', async () => {
    const thread = await create();
    const long = await rpcError(
      h.rpc.send(
        'messaging.message.post',
        { practiceId: practice.id, threadId: thread.id, text: 'x'.repeat(MESSAGE_MAX_LENGTH + 1) },
        { actor: owner.actor },
      ),
    );
    expect(long.code).toBe('validation_failed');
    expect(long.errors?.map((e) => e.field)).toContain('text');

    await h.publishMember({ ...ownerMember, secureMessagingEnabled: false, version: 2 }, 'updated');
    await h.memberSwitch(ownerMember.id, false);
    const off = await rpcError(
      h.rpc.send(
        'messaging.message.post',
        { practiceId: practice.id, threadId: thread.id, text: 'hi' },
        { actor: owner.actor },
      ),
    );
    expect(off.code).toBe('conflict');
    expect(off.message).toMatch(/Secure Messaging is off for you/);
    // The biller may still write; the owner's timers close as "off" instead of e-mailing.
    await h.rpc.send(
      'messaging.message.post',
      { practiceId: practice.id, threadId: thread.id, text: 'still here' },
      { actor: biller.actor },
    );
    await h.publishMember({ ...ownerMember, secureMessagingEnabled: true, version: 3 }, 'updated');
    await h.memberSwitch(ownerMember.id, true);
  });

  it('keeps a per-user delay preference within bounds', async () => {
    expect(await h.rpc.send('messaging.preference.get', {}, { actor: owner.actor })).toEqual({
      unreadEmailDelaySeconds: null,
      effectiveDelaySeconds: 120,
    });
    expect(
      await h.rpc.send('messaging.preference.put', { unreadEmailDelaySeconds: 600 }, { actor: owner.actor }),
    ).toEqual({ unreadEmailDelaySeconds: 600, effectiveDelaySeconds: 600 });
    const thread = await create(biller, { participants: [biller.participant, owner.participant] });
    const [timer] = await h.timers(thread.id);
    expect(timer.recipient_id).toBe(owner.actor.userId);
    const created = new Date(thread.message.createdAt).getTime();
    expect(new Date(timer.due_at).getTime() - created).toBe(600_000);
    const bad = await rpcError(
      h.rpc.send('messaging.preference.put', { unreadEmailDelaySeconds: 5 }, { actor: owner.actor }),
    );
    expect(bad.errors?.[0].field).toBe('unreadEmailDelaySeconds');
    await h.rpc.send('messaging.preference.put', { unreadEmailDelaySeconds: null }, { actor: owner.actor });
  });

  it('uses the seed’s 2 minutes by default', async () => {
    const thread = await create();
    const [timer] = await h.timers(thread.id);
    expect(timer.recipient_id).toBe(biller.actor.userId);
    expect(new Date(timer.due_at).getTime() - new Date(thread.message.createdAt).getTime()).toBe(120_000);
    await waitFor('nothing due yet', async () => (await h.timers(thread.id))[0].done_at === null, 1000);
  });
});
