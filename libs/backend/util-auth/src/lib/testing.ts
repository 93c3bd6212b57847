import { randomUUID } from 'node:crypto';
import { JSONCodec, Msg, NatsConnection, Subscription } from 'nats';
import {
  Actor,
  HEADER_ASSERTION,
  Principal,
  RpcErrorBody,
  RpcMapOf,
  servicePrincipal,
  userPrincipal,
} from '@claimline/contracts/common';
import { RpcClient } from '@claimline/backend/util-nats';
import { AssertionClaims, GATEWAY_ISSUER } from './assertion';
import { AssertionSigner, generateAssertionKeys } from './keys';

/**
 * Key pairs for an integration test: a stand-in gateway (the test signs its requests with it)
 * and the service under test, plus any other issuer the test plays. `serviceEnv()` gives the
 * service its private key and the public keys it trusts.
 */
export class TestTrust {
  private readonly pairs = new Map<string, { privateKey: string; publicKey: string }>();

  constructor(
    readonly service: string,
    readonly others: string[] = [],
  ) {
    for (const name of [GATEWAY_ISSUER, service, ...others]) this.pairs.set(name, generateAssertionKeys());
  }

  keys(issuer: string): { privateKey: string; publicKey: string } {
    const pair = this.pairs.get(issuer);
    if (!pair) throw new Error(`no test keys for ${issuer}`);
    return pair;
  }

  signer(issuer: string = GATEWAY_ISSUER): AssertionSigner {
    return new AssertionSigner(issuer, this.keys(issuer).privateKey);
  }

  /** `RPC_SIGNING_KEY` and `RPC_TRUSTED_KEYS` of the service under test (trusting the gateway and `others`). */
  serviceEnv(): { RPC_SIGNING_KEY: string; RPC_TRUSTED_KEYS: string } {
    return {
      RPC_SIGNING_KEY: this.keys(this.service).privateKey,
      RPC_TRUSTED_KEYS: [GATEWAY_ISSUER, ...this.others]
        .map((issuer) => `${issuer}=${this.keys(issuer).publicKey}`)
        .join(','),
    };
  }
}

export interface AsGatewayOptions {
  actor: Actor;
  requestId?: string;
  timeoutMs?: number;
}

/** Calls a service the way the gateway does: the signed-in user, asserted with the gateway's (test) key. */
export class GatewayTestClient<M extends RpcMapOf<M>> {
  readonly inner: RpcClient<M>;

  constructor(nc: NatsConnection, timeoutMs: number, subjectPrefix: string, trust: TestTrust) {
    this.inner = new RpcClient<M>(nc, timeoutMs, subjectPrefix, trust.signer(GATEWAY_ISSUER));
  }

  send<S extends keyof M & string>(
    subject: S,
    data: M[S]['request'],
    options: AsGatewayOptions,
  ): Promise<M[S]['response']> {
    return this.inner.send(subject, data, {
      principal: userPrincipal(options.actor),
      requestId: options.requestId ?? randomUUID(),
      timeoutMs: options.timeoutMs,
    });
  }

  /** As the gateway itself (its readiness probe): the health ping. */
  ping<S extends keyof M & string>(subject: S, timeoutMs?: number): Promise<M[S]['response']> {
    return this.inner.send(subject, {} as M[S]['request'], {
      principal: servicePrincipal(GATEWAY_ISSUER, [subject]),
      timeoutMs,
    });
  }
}

/** What a request's assertion says, unverified: for stand-ins of other services in tests. */
export function claimsOf(msg: Msg): AssertionClaims | null {
  const token = msg.headers?.get(HEADER_ASSERTION);
  if (!token) return null;
  return JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as AssertionClaims;
}

const codec = JSONCodec<unknown>();

/**
 * A stand-in for practice-settings' `practice.get`, answering the existence checks of the
 * service under test: every practice exists except those in `absent`. Answers in Nest's packet format.
 */
export function servePracticeExistence(
  nc: NatsConnection,
  rpcPrefix: string,
  absent: ReadonlySet<string> = new Set(),
): Subscription {
  const sub = nc.subscribe(`${rpcPrefix}practice-settings.practice.get`);
  void (async () => {
    for await (const msg of sub) {
      const packet = codec.decode(msg.data) as { id: string; data: { data: { practiceId: string } } };
      const principal: Principal | undefined = claimsOf(msg)?.prn;
      const practiceId = packet.data.data.practiceId;
      const visible = principal?.practiceIds?.includes(practiceId) ?? false;
      const reply =
        visible && !absent.has(practiceId)
          ? { id: packet.id, response: { id: practiceId }, isDisposed: true }
          : {
              id: packet.id,
              err: {
                code: 'not_found',
                message: `Practice ${practiceId} was not found`,
              } satisfies RpcErrorBody,
              isDisposed: true,
            };
      msg.respond(codec.encode(reply));
    }
  })();
  return sub;
}
