import { RpcErrorBody } from '@claimline/contracts/common';
import { httpMethod, rpcOutcome, statusClass } from './labels';

describe('label rules', () => {
  it('groups statuses by class, and names an unsent response aborted', () => {
    expect(statusClass(200)).toBe('2xx');
    expect(statusClass(204)).toBe('2xx');
    expect(statusClass(304)).toBe('3xx');
    expect(statusClass(404)).toBe('4xx');
    expect(statusClass(422)).toBe('4xx');
    expect(statusClass(503)).toBe('5xx');
    expect(statusClass(200, false)).toBe('aborted');
    expect(statusClass(0)).toBe('other');
    expect(statusClass(999)).toBe('other');
  });

  it('keeps the standard methods and folds any other into one value', () => {
    expect(httpMethod('get')).toBe('GET');
    expect(httpMethod('DELETE')).toBe('DELETE');
    expect(httpMethod('PROPFIND')).toBe('other');
    expect(httpMethod('X'.repeat(200))).toBe('other');
    expect(httpMethod(undefined)).toBe('other');
  });

  it('names an RPC outcome ok or by its error code, never by its message', () => {
    const notFound: RpcErrorBody = { code: 'not_found', message: 'Client 1234 was not found' };
    expect(rpcOutcome(undefined)).toBe('ok');
    expect(rpcOutcome(null)).toBe('ok');
    expect(rpcOutcome(notFound)).toBe('not_found');
    // an RpcError carries its body
    expect(rpcOutcome({ body: { code: 'timeout', message: 'late' } })).toBe('timeout');
    // Nest's own error packets and codes outside the contract
    expect(rpcOutcome('There is no matching message handler defined in the remote service.')).toBe(
      'internal',
    );
    expect(rpcOutcome({ code: 'teapot', message: 'x' })).toBe('internal');
    expect(rpcOutcome(new Error('boom'))).toBe('internal');
  });
});
