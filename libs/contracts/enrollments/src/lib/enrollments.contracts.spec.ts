import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ActOnEnrollmentBody, EnrollBody, IdentityCheckQuery } from './dto/enrollment.dto';
import { EnrollmentsSubjects } from './enrollments.subjects';

const problems = <T extends object>(cls: new () => T, plain: object) =>
  validateSync(plainToInstance(cls, plain) as object, {
    whitelist: true,
    forbidNonWhitelisted: true,
  }).flatMap((e) => Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message })));

const id = '6f1c2a9e-3b4d-4c5e-8f70-1a2b3c4d5e6f';

describe('enrollments contract', () => {
  it('names request-reply subjects <service>.<entity>.<verb>', () => {
    for (const subject of Object.values(EnrollmentsSubjects))
      expect(subject).toMatch(/^enrollments\.[a-z-]+\.[a-z-]+$/);
  });

  it('accepts +Enroll for a payer and a type, refuses an unknown type', () => {
    expect(problems(EnrollBody, { payerId: id, type: 'claim_filing' })).toEqual([]);
    expect(problems(EnrollBody, { payerId: id, type: 'credentialing' })).toEqual([
      { field: 'type', message: 'type must be claim_filing or payment_reports' },
    ]);
  });

  it('requires a reason to reject, instructions to ask for a document and a document id to attach one', () => {
    expect(problems(ActOnEnrollmentBody, { version: 1, action: 'accept' })).toEqual([]);
    expect(problems(ActOnEnrollmentBody, { version: 1, action: 'reject' })).toContainEqual({
      field: 'reason',
      message: 'reason is required to reject an enrollment',
    });
    expect(
      problems(ActOnEnrollmentBody, { version: 1, action: 'require_document' }).map((p) => p.field),
    ).toContain('instructions');
    expect(
      problems(ActOnEnrollmentBody, { version: 1, action: 'attach_document', documentId: 'doc-1' }),
    ).toEqual([{ field: 'documentId', message: 'documentId must be the id (UUID) of an uploaded document' }]);
    expect(problems(ActOnEnrollmentBody, { version: 1, action: 'attach_document', documentId: id })).toEqual(
      [],
    );
    expect(problems(ActOnEnrollmentBody, { version: 0, action: 'accept' }).map((p) => p.field)).toEqual([
      'version',
    ]);
  });

  it('takes a tax ID with or without dashes in the identity checks', () => {
    for (const taxId of ['123456789', '12-3456789', '123-45-6789']) {
      expect(
        problems(IdentityCheckQuery, { practiceId: id, payerId: id, billingNpi: '1234567893', taxId }),
      ).toEqual([]);
    }
    expect(
      problems(IdentityCheckQuery, { practiceId: id, payerId: id, billingNpi: '123', taxId: '12' }).map(
        (p) => p.field,
      ),
    ).toEqual(['billingNpi', 'taxId']);
  });
});
