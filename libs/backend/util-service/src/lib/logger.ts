import { Params } from 'nestjs-pino';
import { currentRequestId } from './request-scope';

/** JSON logs (pino) with the service name and, inside a request, its id. */
export function loggerParams(service: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.ssn', '*.taxId'],
    },
  };
}
