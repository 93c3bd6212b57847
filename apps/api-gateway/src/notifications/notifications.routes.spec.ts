import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ListEmailsQuery } from '@claimline/contracts/notifications';
import { validationOptions } from '@claimline/backend/util-nats';
import { AUDIT } from '../audit/audit.decorator';
import { ROLES } from '../auth/decorators';
import { AdminEmailsController } from './admin-emails.controller';
import { NotificationsModule } from './notifications.module';

describe('notifications routes', () => {
  it('serves GET /admin/emails to admins only, audited', () => {
    expect(Reflect.getMetadata('controllers', NotificationsModule)).toEqual([AdminEmailsController]);
    const handler = AdminEmailsController.prototype.list;
    expect(Reflect.getMetadata(PATH_METADATA, AdminEmailsController)).toBe('admin/emails');
    expect(RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]).toBe('GET');
    expect(Reflect.getMetadata(ROLES, handler)).toEqual(['admin']);
    expect(Reflect.getMetadata(AUDIT, handler)).toEqual({ resource: 'email', action: 'list' });
  });

  it('validates the query string: status from the list, numeric paging', async () => {
    const ok = plainToInstance(ListEmailsQuery, { status: 'failed', limit: '25', offset: '50' });
    expect(await validate(ok, validationOptions)).toHaveLength(0);
    expect(ok).toMatchObject({ status: 'failed', limit: 25, offset: 50 });
    const bad = await validate(
      plainToInstance(ListEmailsQuery, { status: 'bounced', limit: '0', extra: '1' }),
      validationOptions,
    );
    expect(bad.map((e) => e.property).sort()).toEqual(['extra', 'limit', 'status']);
  });
});
