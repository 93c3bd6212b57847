import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationOptions } from '@claimline/backend/util-nats';
import { AUDIT, AuditSpec } from '../audit/audit.decorator';
import { ROLES } from '../auth/decorators';
import { DocumentsController } from './documents.controller';
import { DocumentContentParams, ListDocumentsParams } from './documents.http';

function routes() {
  const base = Reflect.getMetadata(PATH_METADATA, DocumentsController) as string;
  return Object.getOwnPropertyNames(DocumentsController.prototype)
    .map((name) => ({ name, fn: (DocumentsController.prototype as unknown as Record<string, object>)[name] }))
    .filter(({ fn }) => Reflect.getMetadata(METHOD_METADATA, fn) !== undefined)
    .map(({ name, fn }) => {
      const sub = Reflect.getMetadata(PATH_METADATA, fn) as string;
      return {
        handler: name,
        route: `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number]} /${base}${sub && sub !== '/' ? `/${sub}` : ''}`,
        audit: Reflect.getMetadata(AUDIT, fn) as AuditSpec | undefined,
        roles: Reflect.getMetadata(ROLES, fn) as string[] | undefined,
      };
    });
}

describe('documents routes', () => {
  it('exposes list, upload, metadata, content and delete, each audited; reads for every role, changes for editors', () => {
    const editors = ['admin', 'billing_staff', 'practice_owner', 'clinician'];
    expect(
      routes()
        .map(({ route, audit, roles }) => ({ route, audit, roles }))
        .sort((a, b) => a.route.localeCompare(b.route)),
    ).toEqual(
      [
        {
          route: 'GET /practices/:practiceId/documents',
          audit: { resource: 'document', action: 'list' },
          roles: undefined,
        },
        {
          route: 'POST /practices/:practiceId/documents',
          audit: { resource: 'document', action: 'create' },
          roles: editors,
        },
        {
          route: 'GET /practices/:practiceId/documents/:documentId',
          audit: { resource: 'document', action: 'read', idParam: 'documentId' },
          roles: undefined,
        },
        {
          route: 'GET /practices/:practiceId/documents/:documentId/content',
          audit: { resource: 'document_content', action: 'read', idParam: 'documentId' },
          roles: undefined,
        },
        {
          route: 'DELETE /practices/:practiceId/documents/:documentId',
          audit: { resource: 'document', action: 'delete', idParam: 'documentId' },
          roles: editors,
        },
      ].sort((a, b) => a.route.localeCompare(b.route)),
    );
  });
});

describe('documents query classes', () => {
  const check = async <T extends object>(cls: new () => T, plain: object) => {
    const value = plainToInstance(cls, plain);
    return { value, errors: (await validate(value, validationOptions)).map((e) => e.property) };
  };

  it('parses the list filters and paging, and refuses a practiceId in the query', async () => {
    const ok = await check(ListDocumentsParams, {
      linkedType: 'policy',
      linkedId: '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10',
      kind: 'insurance_card_back',
      limit: '10',
      offset: '20',
    });
    expect(ok.errors).toEqual([]);
    expect(ok.value).toMatchObject({ limit: 10, offset: 20 });
    expect(
      (await check(ListDocumentsParams, { practiceId: '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10' })).errors,
    ).toEqual(['practiceId']);
    expect((await check(ListDocumentsParams, { kind: 'selfie' })).errors).toEqual(['kind']);
  });

  it('takes size=original or size=preview for the content', async () => {
    expect((await check(DocumentContentParams, {})).errors).toEqual([]);
    expect((await check(DocumentContentParams, { size: 'preview' })).errors).toEqual([]);
    expect((await check(DocumentContentParams, { size: 'thumb' })).errors).toEqual(['size']);
    expect((await check(DocumentContentParams, { documentId: 'x' })).errors).toEqual(['documentId']);
  });
});
