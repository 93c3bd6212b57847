import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AUDIT, AuditSpec } from '../audit/audit.decorator';
import { ROLES } from '../auth/decorators';
import { SERVICE_HEALTH_SUBJECTS } from '../common/rpc';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsModule } from './enrollments.module';
import { PracticeEnrollmentsController } from './practice-enrollments.controller';

const controllers = [PracticeEnrollmentsController, EnrollmentsController];

function routes() {
  return controllers.flatMap((c) => {
    const base = Reflect.getMetadata(PATH_METADATA, c) as string;
    return Object.getOwnPropertyNames(c.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => {
        const fn = (c.prototype as unknown as Record<string, object>)[name];
        const sub = Reflect.getMetadata(PATH_METADATA, fn) as string;
        return {
          route: `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number]} /${base}${sub && sub !== '/' ? `/${sub}` : ''}`,
          audit: Reflect.getMetadata(AUDIT, fn) as AuditSpec | undefined,
          roles: Reflect.getMetadata(ROLES, fn) as string[] | undefined,
        };
      });
  });
}

describe('enrollments routes', () => {
  it('lists every controller in the module', () => {
    expect(Reflect.getMetadata('controllers', EnrollmentsModule)).toEqual(controllers);
  });

  it('exposes exactly the planned routes, each audited, with the planned roles', () => {
    expect(
      routes().map((r) => ({ route: r.route, audited: r.audit !== undefined, roles: r.roles ?? 'any' })),
    ).toEqual([
      { route: 'GET /practices/:practiceId/enrollments', audited: true, roles: 'any' },
      {
        route: 'GET /practices/:practiceId/enrollments/preview',
        audited: true,
        roles: ['admin', 'billing_staff', 'practice_owner'],
      },
      {
        route: 'POST /practices/:practiceId/enrollments',
        audited: true,
        roles: ['admin', 'billing_staff', 'practice_owner'],
      },
      { route: 'GET /enrollments/:enrollmentId', audited: true, roles: 'any' },
      {
        route: 'PATCH /enrollments/:enrollmentId',
        audited: true,
        roles: ['admin', 'billing_staff', 'practice_owner'],
      },
      { route: 'GET /enrollments/:enrollmentId/history', audited: true, roles: 'any' },
    ]);
  });

  it('declares the preview before any parameterised sibling and pings the service for readiness', () => {
    expect(routes()[1].route).toBe('GET /practices/:practiceId/enrollments/preview');
    expect(SERVICE_HEALTH_SUBJECTS).toContain('enrollments.health.ping');
  });
});
