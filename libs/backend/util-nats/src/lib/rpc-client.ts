import { randomUUID } from 'node:crypto';
import { headers as natsHeaders, JSONCodec, NatsConnection, NatsError, ErrorCode } from 'nats';
import {
  HEADER_ASSERTION,
  HEADER_REQUEST_ID,
  isRpcErrorBody,
  Principal,
  RpcMapOf,
} from '@claimline/contracts/common';
import {
  injectTraceContext,
  inSpan,
  rpcClientDuration,
  rpcOutcome,
  SpanKind,
} from '@claimline/backend/util-metrics';
import { RpcError } from './rpc-error';

const codec = JSONCodec<unknown>();

export interface RpcCallOptions {
  /** Who the request is for: a user (only the gateway asserts users) or the calling service itself. */
  principal: Principal;
  requestId?: string;
  timeoutMs?: number;
}

/**
 * Signs the caller assertion of one request (`AssertionSigner` of `@claimline/backend/util-auth`
 * holds the process's private key), bound to the subject and the request data.
 */
export interface RequestSigner {
  sign(subject: string, data: unknown, principal: Principal, requestId: string): string;
}

interface NestReply {
  err?: unknown;
  response?: unknown;
  isDisposed?: boolean;
}

/**
 * Request-reply over core NATS, speaking the packet format of `@nestjs/microservices`
 * (`{ pattern, data, id }` → `{ err | response }`) so services use plain `@MessagePattern`
 * handlers, with the caller's signed assertion in a header, while the caller gets NATS's no-responders signal (→ 503) and a bounded wait (→ 504).
 */
export class RpcClient<M extends RpcMapOf<M>> {
  constructor(
    private readonly nc: NatsConnection,
    private readonly defaultTimeoutMs = 5000,
    /** Prepended to the NATS subject (not to the pattern): see `RPC_SUBJECT_PREFIX`. */
    private readonly subjectPrefix: string,
    private readonly signer: RequestSigner,
  ) {}

  /**
   * One call; its duration and outcome go to `claimline_rpc_client_duration_seconds`, and with
   * tracing on it is a client span whose context travels in the request's headers.
   */
  async send<S extends keyof M & string>(
    subject: S,
    data: M[S]['request'],
    options: RpcCallOptions,
  ): Promise<M[S]['response']> {
    const end = rpcClientDuration.startTimer({ subject });
    try {
      const response = await inSpan(
        `${subject} request`,
        SpanKind.CLIENT,
        { 'messaging.system': 'nats', 'rpc.system': 'nats', 'rpc.method': subject },
        () => this.call(subject, data, options),
      );
      end({ outcome: 'ok' });
      return response;
    } catch (error) {
      end({ outcome: rpcOutcome(error) });
      throw error;
    }
  }

  private async call<S extends keyof M & string>(
    subject: S,
    data: M[S]['request'],
    options: RpcCallOptions,
  ): Promise<M[S]['response']> {
    const requestId = options.requestId ?? randomUUID();
    const h = natsHeaders();
    h.set(HEADER_REQUEST_ID, requestId);
    h.set(HEADER_ASSERTION, this.signer.sign(subject, data, options.principal, requestId));
    injectTraceContext((key, value) => h.set(key, value));
    const packet = { pattern: subject, data: { data }, id: randomUUID() };
    let reply: NestReply;
    try {
      const msg = await this.nc.request(this.subjectPrefix + subject, codec.encode(packet), {
        timeout: options.timeoutMs ?? this.defaultTimeoutMs,
        headers: h,
      });
      reply = codec.decode(msg.data) as NestReply;
    } catch (error) {
      throw toTransportError(subject, error);
    }
    if (reply.err !== undefined && reply.err !== null) {
      if (isRpcErrorBody(reply.err)) throw new RpcError(reply.err);
      throw new RpcError({ code: 'internal', message: `${subject} failed` });
    }
    return reply.response as M[S]['response'];
  }
}

function toTransportError(subject: string, error: unknown): RpcError {
  const service = subject.split('.')[0];
  if (error instanceof NatsError) {
    if (error.code === ErrorCode.NoResponders) {
      return new RpcError({ code: 'unavailable', message: `The ${service} service is not available` });
    }
    if (error.code === ErrorCode.Timeout) {
      return new RpcError({ code: 'timeout', message: `The ${service} service did not answer in time` });
    }
  }
  return new RpcError({ code: 'unavailable', message: `The ${service} service could not be reached` });
}
