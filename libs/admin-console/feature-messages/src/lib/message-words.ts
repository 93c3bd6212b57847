import type {
  AboutType,
  MessageView,
  ParticipantView,
  ThreadView,
} from '@claimline/contracts/messaging/plain';
import { ABOUT_TYPES } from '@claimline/contracts/messaging/plain';

export const ABOUT_LABELS: Record<AboutType, string> = {
  client: 'Client',
  claim: 'Claim',
  enrollment: 'Enrollment',
  appointment: 'Appointment',
};

export const ABOUT_OPTIONS = ABOUT_TYPES.map((value) => ({ value, label: ABOUT_LABELS[value] }));

/** Narrows a query parameter to an "about" type, or null. */
export function aboutTypeOf(value: string | null): AboutType | null {
  return (ABOUT_TYPES as readonly string[]).includes(value ?? '') ? (value as AboutType) : null;
}

/** Where the record a thread is about opens in the console, or null when it has no page. */
export function aboutLink(practiceId: string, about: ThreadView['about']): string[] | null {
  if (!about) return null;
  switch (about.type) {
    case 'client':
      return ['/practices', practiceId, 'clients', about.id];
    case 'enrollment':
      return ['/practices', practiceId, 'enrollments', about.id];
    default:
      return null;
  }
}

/** The name a participant shows with, or a neutral word for someone no longer listed. */
export function nameOf(participants: ParticipantView[], userId: string, me: string | null): string {
  if (userId === me) return 'You';
  return participants.find((p) => p.id === userId)?.displayName ?? 'A former participant';
}

/** The receipt under one's own message: who of the others has read it. */
export function receiptOf(message: MessageView, participants: ParticipantView[], me: string | null): string {
  if (message.senderId !== me || message.deletedAt) return '';
  const readers = message.readBy.filter((id) => id !== me).map((id) => nameOf(participants, id, me));
  return readers.length ? `Read by ${readers.join(', ')}` : 'Sent';
}

/** Adds messages to a thread's list (oldest first), each id once, keeping the order by time. */
export function mergeMessages(list: MessageView[], more: MessageView[]): MessageView[] {
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const m of more) byId.set(m.id, m);
  return [...byId.values()].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/** Marks messages read by `userId` (a receipt pushed over the socket). */
export function withReceipt(list: MessageView[], userId: string, messageIds: string[]): MessageView[] {
  const ids = new Set(messageIds);
  return list.map((m) =>
    ids.has(m.id) && !m.readBy.includes(userId) ? { ...m, readBy: [...m.readBy, userId] } : m,
  );
}
