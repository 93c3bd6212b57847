import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { CreateThreadBody, ListThreadsParams } from './dto/thread.dto';
import { EditMessageBody } from './dto/message.dto';
import { PutMessagingPreferenceBody } from './dto/preference.dto';
import type { MessagingRpc } from './messaging.maps';
import { MESSAGE_MAX_LENGTH, MessagingEventTypes, MessagingSubjects, sideOfRole } from './messaging.subjects';

const id = '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10';
const fields = (errors: ValidationError[]) => errors.map((e) => e.property).sort();

describe('messaging contracts', () => {
  it('names every subject under the service and in the typed map', () => {
    const subjects = Object.values(MessagingSubjects);
    for (const s of subjects) expect(s.startsWith('messaging.')).toBe(true);
    const rpc: Record<keyof MessagingRpc, true> = Object.fromEntries(subjects.map((s) => [s, true])) as never;
    expect(Object.keys(rpc).sort()).toEqual([...subjects].sort());
    for (const t of Object.values(MessagingEventTypes)) expect(t.startsWith('messaging.')).toBe(true);
  });

  it('puts practice users on the practice side and everyone else on the billing side', () => {
    expect(sideOfRole('practice_owner')).toBe('practice');
    expect(sideOfRole('clinician')).toBe('practice');
    expect(sideOfRole('billing_staff')).toBe('billing');
    expect(sideOfRole('admin')).toBe('billing');
  });

  it('accepts a thread with a subject, people, an about link and a first message', () => {
    const body = plainToInstance(CreateThreadBody, {
      subject: '  Claim for March  ',
      participantUserIds: [id],
      about: { type: 'claim', id },
      text: 'Line one\nLine two',
      attachmentIds: [id],
    });
    expect(validateSync(body, { whitelist: true, forbidNonWhitelisted: true })).toHaveLength(0);
    expect(body.subject).toBe('Claim for March');
  });

  it('refuses a message over the limit, a blank subject, nobody to talk to and a bad about type', () => {
    const errors = validateSync(
      plainToInstance(CreateThreadBody, {
        subject: '   ',
        participantUserIds: [],
        about: { type: 'payer', id: 'x' },
        text: 'x'.repeat(MESSAGE_MAX_LENGTH + 1),
      }),
    );
    expect(fields(errors)).toEqual(['about', 'participantUserIds', 'subject', 'text']);
    const text = errors.find((e) => e.property === 'text')!;
    expect(Object.values(text.constraints!)).toContain(`text must be 1 to ${MESSAGE_MAX_LENGTH} characters`);
    expect(
      validateSync(plainToInstance(EditMessageBody, { text: 'x'.repeat(MESSAGE_MAX_LENGTH) })),
    ).toHaveLength(0);
  });

  it('checks paging, the unread filter and the preference range', () => {
    expect(
      validateSync(plainToInstance(ListThreadsParams, { limit: '20', unreadOnly: 'true' })),
    ).toHaveLength(0);
    expect(
      fields(
        validateSync(
          plainToInstance(ListThreadsParams, { limit: '500', unreadOnly: 'maybe', cursor: 'a b' }),
        ),
      ),
    ).toEqual(['cursor', 'limit', 'unreadOnly']);
    expect(
      validateSync(plainToInstance(PutMessagingPreferenceBody, { unreadEmailDelaySeconds: null })),
    ).toHaveLength(0);
    expect(
      validateSync(plainToInstance(PutMessagingPreferenceBody, { unreadEmailDelaySeconds: 300 })),
    ).toHaveLength(0);
    expect(
      fields(validateSync(plainToInstance(PutMessagingPreferenceBody, { unreadEmailDelaySeconds: 5 }))),
    ).toEqual(['unreadEmailDelaySeconds']);
  });
});
