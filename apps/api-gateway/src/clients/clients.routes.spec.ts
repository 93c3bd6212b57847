import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationOptions } from '@claimline/backend/util-nats';
import { AUDIT, AuditSpec } from '../audit/audit.decorator';
import { ROLES } from '../auth/decorators';
import { AuthorizationsController } from './authorizations.controller';
import { ClientsController } from './clients.controller';
import { ClientSearchParams, MissingInfoManyBody } from './clients.http';
import { ClientsModule } from './clients.module';
import { PayersController } from './payers.controller';
import { PoliciesController } from './policies.controller';

interface Route {
  controller: string;
  handler: string;
  method: string;
  path: string;
  audit?: AuditSpec;
  roles?: string[];
}

const controllers = [ClientsController, PoliciesController, AuthorizationsController, PayersController];

function routes(): Route[] {
  return controllers.flatMap((c) => {
    const base = Reflect.getMetadata(PATH_METADATA, c) as string;
    return Object.getOwnPropertyNames(c.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => {
        const fn = (c.prototype as unknown as Record<string, object>)[name];
        const sub = Reflect.getMetadata(PATH_METADATA, fn) as string;
        return {
          controller: c.name,
          handler: name,
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number],
          path: `/${base}${sub && sub !== '/' ? `/${sub}` : ''}`,
          audit: Reflect.getMetadata(AUDIT, fn) as AuditSpec | undefined,
          roles: Reflect.getMetadata(ROLES, fn) as string[] | undefined,
        };
      });
  });
}

describe('client-insurance routes', () => {
  it('lists every controller in the module', () => {
    expect(Reflect.getMetadata('controllers', ClientsModule)).toEqual(controllers);
  });

  it('exposes exactly the planned routes and no consume/release', () => {
    expect(
      routes()
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(
      [
        'GET /practices/:practiceId/clients',
        'POST /practices/:practiceId/clients',
        'POST /practices/:practiceId/clients/missing-info',
        'GET /practices/:practiceId/clients/:clientId',
        'PATCH /practices/:practiceId/clients/:clientId',
        'GET /practices/:practiceId/clients/:clientId/missing-info',
        'GET /practices/:practiceId/clients/:clientId/policies',
        'POST /practices/:practiceId/clients/:clientId/policies',
        'GET /practices/:practiceId/policies/:policyId',
        'PATCH /practices/:practiceId/policies/:policyId',
        'DELETE /practices/:practiceId/policies/:policyId',
        'GET /practices/:practiceId/policies/:policyId/authorizations',
        'POST /practices/:practiceId/policies/:policyId/authorizations',
        'GET /practices/:practiceId/authorizations/:authorizationId',
        'PATCH /practices/:practiceId/authorizations/:authorizationId',
        'GET /payers',
        'GET /payers/:payerId',
        'POST /payers',
        'PATCH /payers/:payerId',
      ].sort(),
    );
  });

  it('audits every route that reads or changes client data, naming the record when the path has it', () => {
    for (const r of routes().filter((x) => x.path.startsWith('/practices/'))) {
      expect({ route: `${r.method} ${r.path}`, audited: r.audit !== undefined }).toEqual({
        route: `${r.method} ${r.path}`,
        audited: true,
      });
      const last = /:(\w+)(?:\/missing-info)?$/.exec(r.path)?.[1];
      if (r.audit!.action === 'read' || r.audit!.action === 'update' || r.audit!.action === 'delete')
        expect(r.audit!.idParam).toBe(last);
    }
  });

  it('lets every role read and only editors change', () => {
    for (const r of routes()) {
      const isRead = r.method === 'GET' || r.handler === 'missingInfoMany';
      if (isRead)
        expect({ route: `${r.method} ${r.path}`, roles: r.roles }).toEqual({
          route: `${r.method} ${r.path}`,
          roles: undefined,
        });
      else if (r.path.startsWith('/payers')) expect(r.roles).toEqual(['admin', 'billing_staff']);
      else expect(r.roles).toEqual(['admin', 'billing_staff', 'practice_owner', 'clinician']);
    }
  });
});

describe('HTTP query and body classes', () => {
  const check = async <T extends object>(cls: new () => T, plain: object) => {
    const value = plainToInstance(cls, plain);
    const errors = await validate(value, validationOptions);
    return { value, errors: errors.map((e) => e.property) };
  };

  it('parses the client search query string (numbers, booleans) and refuses a practiceId in it', async () => {
    const ok = await check(ClientSearchParams, {
      search: 'smi',
      birthDate: '1990-02-03',
      active: 'false',
      limit: '20',
      offset: '40',
    });
    expect(ok.errors).toEqual([]);
    expect(ok.value).toMatchObject({
      search: 'smi',
      birthDate: '1990-02-03',
      active: false,
      limit: 20,
      offset: 40,
    });
    expect((await check(ClientSearchParams, { active: 'yes' })).errors).toEqual(['active']);
    expect((await check(ClientSearchParams, { birthDate: '1990-02-30' })).errors).toEqual(['birthDate']);
    expect(
      (await check(ClientSearchParams, { practiceId: '00000000-0000-4000-8000-000000000000' })).errors,
    ).toEqual(['practiceId']);
  });

  it('takes up to 1,000 distinct client ids for the bulk missing-info query', async () => {
    const id = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
    expect(
      (await check(MissingInfoManyBody, { clientIds: Array.from({ length: 1000 }, (_, i) => id(i)) })).errors,
    ).toEqual([]);
    expect(
      (await check(MissingInfoManyBody, { clientIds: Array.from({ length: 1001 }, (_, i) => id(i)) })).errors,
    ).toEqual(['clientIds']);
    expect((await check(MissingInfoManyBody, { clientIds: [] })).errors).toEqual(['clientIds']);
    expect((await check(MissingInfoManyBody, { clientIds: ['nope'] })).errors).toEqual(['clientIds']);
  });
});
