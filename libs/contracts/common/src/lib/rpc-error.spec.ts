import { HTTP_STATUS_BY_RPC_CODE, isRpcErrorBody } from './rpc-error';
import { canSeePractice } from './request-context';

describe('rpc errors', () => {
  it('recognises a well-formed error body and refuses others', () => {
    expect(isRpcErrorBody({ code: 'not_found', message: 'Practice not found' })).toBe(true);
    expect(isRpcErrorBody({ code: 'teapot', message: 'x' })).toBe(false);
    expect(isRpcErrorBody({ status: 'error', message: 'Internal server error' })).toBe(false);
    expect(isRpcErrorBody(null)).toBe(false);
  });

  it('maps validation to 422 and a missing service to 503/504', () => {
    expect(HTTP_STATUS_BY_RPC_CODE.validation_failed).toBe(422);
    expect(HTTP_STATUS_BY_RPC_CODE.unavailable).toBe(503);
    expect(HTTP_STATUS_BY_RPC_CODE.timeout).toBe(504);
  });
});

describe('canSeePractice', () => {
  it('lets an unscoped actor see everything and a scoped one only its practices', () => {
    expect(canSeePractice({ userId: 'a', role: 'admin', practiceIds: null }, 'p1')).toBe(true);
    expect(canSeePractice({ userId: 'b', role: 'billing_staff', practiceIds: ['p1'] }, 'p1')).toBe(true);
    expect(canSeePractice({ userId: 'b', role: 'billing_staff', practiceIds: ['p1'] }, 'p2')).toBe(false);
  });

  it('never lets a service see every practice: it sees only those its assertion names', () => {
    expect(
      canSeePractice({ kind: 'service', service: 'enrollments', rights: [], practiceIds: null }, 'p1'),
    ).toBe(false);
    expect(
      canSeePractice({ kind: 'service', service: 'enrollments', rights: [], practiceIds: ['p1'] }, 'p1'),
    ).toBe(true);
  });
});
