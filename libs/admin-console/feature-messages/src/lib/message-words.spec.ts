import type { MessageView, ParticipantView } from '@claimline/contracts/messaging/plain';
import { aboutLink, aboutTypeOf, mergeMessages, receiptOf, withReceipt } from './message-words';

const people: ParticipantView[] = [
  { kind: 'user', id: 'u1', side: 'practice', role: 'practice_owner', displayName: 'Robin Hale' },
  { kind: 'user', id: 'u2', side: 'billing', role: 'billing_staff', displayName: 'Sam Biller' },
];

const message = (id: string, createdAt: string, over: Partial<MessageView> = {}): MessageView => ({
  id,
  threadId: 't',
  practiceId: 'p',
  senderId: 'u1',
  text: 'hello',
  attachmentIds: [],
  createdAt,
  editedAt: null,
  deletedAt: null,
  readBy: [],
  ...over,
});

describe('message words', () => {
  it('shows a receipt under one’s own messages only', () => {
    expect(receiptOf(message('m1', '2026-12-01T10:00:00Z'), people, 'u1')).toBe('Sent');
    expect(receiptOf(message('m1', '2026-12-01T10:00:00Z', { readBy: ['u2'] }), people, 'u1')).toBe(
      'Read by Sam Biller',
    );
    expect(receiptOf(message('m1', '2026-12-01T10:00:00Z', { readBy: ['u2'] }), people, 'u2')).toBe('');
    expect(receiptOf(message('m1', '2026-12-01T10:00:00Z', { readBy: ['u9'] }), people, 'u1')).toBe(
      'Read by A former participant',
    );
  });

  it('merges caught-up messages once each, oldest first', () => {
    const a = message('a', '2026-12-01T10:00:00Z');
    const b = message('b', '2026-12-01T10:01:00Z');
    const c = message('c', '2026-12-01T10:02:00Z');
    expect(mergeMessages([a, b], [c, b]).map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(mergeMessages([c], [a]).map((m) => m.id)).toEqual(['a', 'c']);
  });

  it('applies a pushed receipt to the messages it names', () => {
    const list = withReceipt([message('a', 'x'), message('b', 'y')], 'u2', ['b']);
    expect(list.map((m) => m.readBy)).toEqual([[], ['u2']]);
    expect(withReceipt(list, 'u2', ['b'])[1].readBy).toEqual(['u2']);
  });

  it('reads "about" filters from the address and links what has a page', () => {
    expect(aboutTypeOf('client')).toBe('client');
    expect(aboutTypeOf('invoice')).toBeNull();
    expect(aboutTypeOf(null)).toBeNull();
    expect(aboutLink('p', { type: 'client', id: 'c1' })).toEqual(['/practices', 'p', 'clients', 'c1']);
    expect(aboutLink('p', { type: 'claim', id: 'x' })).toBeNull();
    expect(aboutLink('p', null)).toBeNull();
  });
});
