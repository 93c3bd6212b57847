import { ArgumentsHost, ForbiddenException, UnprocessableEntityException } from '@nestjs/common';
import { RpcError } from '@claimline/backend/util-nats';
import { ProblemFilter } from './problem.filter';

function render(exception: unknown) {
  const res: any = { statusCode: 0, body: '', headers: {} as Record<string, string> };
  res.status = (s: number) => ((res.statusCode = s), res);
  res.type = (t: string) => ((res.headers['content-type'] = t), res);
  res.send = (b: string) => ((res.body = JSON.parse(b)), res);
  const host = {
    switchToHttp: () => ({
      getRequest: () => ({ originalUrl: '/api/v1/x', id: 'req-1' }),
      getResponse: () => res,
    }),
  } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  return res;
}

describe('ProblemFilter', () => {
  it('renders service validation errors as 422 problem+json with the fields', () => {
    const res = render(RpcError.field('npi', 'npi', 'NPI 1234567890 fails its check digit'));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body).toMatchObject({
      status: 422,
      instance: '/api/v1/x',
      requestId: 'req-1',
      errors: [{ field: 'npi' }],
    });
  });

  it('maps a conflict with its details, an absent service to 503 and a slow one to 504', () => {
    expect(render(RpcError.conflict('stale', { currentVersion: 3 })).body).toMatchObject({
      status: 409,
      currentVersion: 3,
    });
    expect(render(new RpcError({ code: 'unavailable', message: 'down' })).statusCode).toBe(503);
    expect(render(new RpcError({ code: 'timeout', message: 'slow' })).statusCode).toBe(504);
  });

  it('keeps HTTP exceptions and their field errors, and hides unknown faults', () => {
    expect(render(new ForbiddenException('nope')).body).toMatchObject({ status: 403, detail: 'nope' });
    const v = render(
      new UnprocessableEntityException({
        message: 'Some fields are not valid',
        errors: [{ field: 'a', rule: 'r', message: 'm' }],
      }),
    );
    expect(v.body.errors).toEqual([{ field: 'a', rule: 'r', message: 'm' }]);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const crash = render(new Error('db password is hunter2'));
    expect(crash.statusCode).toBe(500);
    expect(JSON.stringify(crash.body)).not.toContain('hunter2');
  });
});
