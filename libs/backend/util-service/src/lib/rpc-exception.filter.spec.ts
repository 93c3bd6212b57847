import { BadRequestException, NotFoundException } from '@nestjs/common';
import { RpcError } from '@claimline/backend/util-nats';
import { toRpcErrorBody } from './rpc-exception.filter';

describe('toRpcErrorBody', () => {
  it('passes structured errors through', () => {
    const body = toRpcErrorBody(RpcError.field('npi', 'npi', 'NPI 1234567890 fails its check digit'));
    expect(body).toEqual({
      code: 'validation_failed',
      message: 'NPI 1234567890 fails its check digit',
      errors: [{ field: 'npi', rule: 'npi', message: 'NPI 1234567890 fails its check digit' }],
    });
  });

  it('maps Nest HTTP exceptions by status and hides unknown errors', () => {
    expect(toRpcErrorBody(new NotFoundException('gone')).code).toBe('not_found');
    expect(toRpcErrorBody(new BadRequestException('bad')).code).toBe('bad_request');
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const body = toRpcErrorBody(new Error('secret internals'));
    expect(body).toEqual({ code: 'internal', message: 'The service failed to handle the request' });
  });
});
