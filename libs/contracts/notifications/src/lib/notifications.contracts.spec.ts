import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ListEmailsQuery } from './dto/email.dto';
import { UpdatePreferencesCommand } from './dto/preferences.dto';
import type { NotificationsRpc } from './notifications.maps';
import {
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  NotificationsSubjects,
} from './notifications.subjects';

const practiceId = '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10';

describe('notifications contracts', () => {
  it('names every subject under the service and in the typed map', () => {
    const subjects = Object.values(NotificationsSubjects);
    for (const s of subjects) expect(s.startsWith('notifications.')).toBe(true);
    const rpc: Record<keyof NotificationsRpc, true> = Object.fromEntries(
      subjects.map((s) => [s, true]),
    ) as never;
    expect(Object.keys(rpc).sort()).toEqual([...subjects].sort());
  });

  it('labels every notification kind', () => {
    expect(Object.keys(NOTIFICATION_KIND_LABELS).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it('validates the e-mail log query: status from the list, page bounds', () => {
    expect(
      validateSync(plainToInstance(ListEmailsQuery, { status: 'failed', limit: '20', offset: '0' })),
    ).toHaveLength(0);
    const bad = validateSync(plainToInstance(ListEmailsQuery, { status: 'bounced', limit: '1000' }));
    expect(bad.map((e) => e.property).sort()).toEqual(['limit', 'status']);
    expect(Object.values(bad.find((e) => e.property === 'status')!.constraints!)).toEqual([
      'status must be pending, sent or failed',
    ]);
  });

  it('normalises the recipient address and checks the switches', () => {
    const ok = plainToInstance(UpdatePreferencesCommand, {
      practiceId,
      email: '  Owner@Example.COM ',
      notifications: { 'enrollment-status': false },
    });
    expect(validateSync(ok, { whitelist: true, forbidNonWhitelisted: true })).toHaveLength(0);
    expect(ok.email).toBe('owner@example.com');
    const bad = plainToInstance(UpdatePreferencesCommand, {
      practiceId,
      email: 'nope',
      notifications: { 'enrollment-status': 'yes' },
    });
    const errors = validateSync(bad);
    expect(errors.map((e) => e.property).sort()).toEqual(['email', 'notifications']);
  });
});
