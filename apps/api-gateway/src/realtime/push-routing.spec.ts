import { pushOf } from './push-routing';

const P = '11111111-1111-4111-8111-111111111111';
const T = '22222222-2222-4222-8222-222222222222';
const M = '33333333-3333-4333-8333-333333333333';

describe('pushOf', () => {
  it('sends a new message to the sender and its recipients, and the recipients their counts', () => {
    const push = pushOf('messaging.message.posted', {
      practiceId: P,
      threadId: T,
      messageId: M,
      senderId: 'u1',
      recipientIds: ['u2', 'u3'],
      createdAt: '2026-12-03T10:00:00.000Z',
    });
    expect(push).toEqual({
      practiceId: P,
      frame: {
        type: 'message.posted',
        practiceId: P,
        threadId: T,
        messageId: M,
        senderId: 'u1',
        createdAt: '2026-12-03T10:00:00.000Z',
      },
      to: ['u1', 'u2', 'u3'],
      countsFor: ['u2', 'u3'],
    });
  });

  it('sends a read receipt to every participant and the reader their counts', () => {
    const push = pushOf('messaging.thread.read', {
      practiceId: P,
      threadId: T,
      userId: 'u2',
      messageIds: [M],
      participantIds: ['u1', 'u2'],
    });
    expect(push?.frame).toEqual({
      type: 'thread.read',
      practiceId: P,
      threadId: T,
      userId: 'u2',
      messageIds: [M],
    });
    expect(push?.to).toEqual(['u2', 'u1']);
    expect(push?.countsFor).toEqual(['u2']);
  });

  it('recounts on a deletion but not on an edit', () => {
    const data = { practiceId: P, threadId: T, messageId: M, participantIds: ['u1', 'u2'] };
    expect(pushOf('messaging.message.deleted', data)?.countsFor).toEqual(['u1', 'u2']);
    expect(pushOf('messaging.message.edited', data)?.countsFor).toEqual([]);
    expect(pushOf('messaging.message.edited', data)?.frame.type).toBe('message.edited');
  });

  it('pushes nothing for the unread reminder, an unknown event or a payload that is not the contract’s', () => {
    expect(pushOf('messaging.unread-reminder.due', { practiceId: P, threadId: T })).toBeNull();
    expect(pushOf('messaging.thread.archived', { practiceId: P, threadId: T })).toBeNull();
    expect(pushOf('messaging.message.posted', { practiceId: P, threadId: T, messageId: M })).toBeNull();
    expect(
      pushOf('messaging.thread.created', { practiceId: P, threadId: T, participantIds: [1] }),
    ).toBeNull();
    expect(pushOf('messaging.thread.created', null)).toBeNull();
  });
});
