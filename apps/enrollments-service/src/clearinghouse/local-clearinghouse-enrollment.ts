import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { EnrollmentRequestData } from '@claimline/contracts/enrollments';
import { ClearinghouseEnrollmentPort } from './clearinghouse-enrollment.port';
import { ClearinghouseRequestEntity } from './entities/clearinghouse-request.entity';

/**
 * The port until a clearinghouse connector exists: it records each request in
 * `clearinghouse_request` and answers with that row's id as the reference. The payer's answer is
 * then recorded by billing staff (accept, reject with a reason, ask for a document) through
 * `enrollments.enrollment.act`, as they would copy it from the clearinghouse's portal.
 * The stored request carries the Tax ID as shown to staff (an SSN masked): the whole SSN stays
 * encrypted on the enrollment row.
 */
@Injectable()
export class LocalClearinghouseEnrollment implements ClearinghouseEnrollmentPort {
  async submit(
    m: EntityManager,
    enrollmentId: string,
    request: EnrollmentRequestData,
  ): Promise<{ reference: string }> {
    const reference = randomUUID();
    await m.insert(ClearinghouseRequestEntity, {
      id: reference,
      enrollmentId,
      kind: 'enrollment',
      payload: request,
    });
    return { reference };
  }

  async sendDocument(
    m: EntityManager,
    enrollmentId: string,
    reference: string | null,
    documentId: string,
  ): Promise<void> {
    await m.insert(ClearinghouseRequestEntity, {
      id: randomUUID(),
      enrollmentId,
      kind: 'document',
      payload: { reference, documentId },
    });
  }
}
