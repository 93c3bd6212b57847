import { randomUUID } from 'node:crypto';
import { Controller, INestMicroservice, Injectable, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { connect, headers as natsHeaders, JSONCodec, NatsConnection } from 'nats';
import { LoggerModule } from 'nestjs-pino';
import {
  Actor,
  HEADER_ASSERTION,
  Principal,
  ROLES,
  RpcErrorBody,
  servicePrincipal,
  userPrincipal,
} from '@claimline/contracts/common';
import {
  Authorize,
  Caller,
  dataDigest,
  parseSigningKey,
  PracticeLookup,
  RpcAuthModule,
  signAssertion,
  TestTrust,
} from '@claimline/backend/util-auth';
import { RpcClient } from '@claimline/backend/util-nats';
import { testEventsConfig, testNatsUrl } from '@claimline/backend/util-testing';
import { bootstrapService } from '../src';

const known = randomUUID();
const other = randomUUID();

@Injectable()
class TwoPractices implements PracticeLookup {
  async exists(practiceId: string): Promise<boolean> {
    return practiceId === known || practiceId === other;
  }
}

@Controller()
class ProbeController {
  @Authorize({ roles: ['admin'] })
  @MessagePattern('probe.who')
  who(@Caller() caller: Principal, @Payload('data') data: unknown) {
    return { caller, data };
  }

  @MessagePattern('probe.undeclared')
  undeclared() {
    return { ok: true };
  }

  @Authorize({ services: ['enrollments'] })
  @MessagePattern('probe.for-enrollments')
  forEnrollments(@Caller() caller: Principal) {
    return caller;
  }

  @Authorize({ roles: ROLES, services: ['enrollments'], practice: 'practiceId' })
  @MessagePattern('probe.practice')
  practice(@Payload('data') data: { practiceId: string }) {
    return { practiceId: data.practiceId };
  }
}

/**
 * The guard `bootstrapService` installs, on a real NATS server, in front of a handful of probe
 * handlers: each kind of refusal, and that a handler sees only the verified caller.
 */
describe('RpcAuthGuard over NATS', () => {
  const trust = new TestTrust('probe', ['enrollments']);
  const events = testEventsConfig();
  const codec = JSONCodec<unknown>();
  const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };
  const owner: Actor = { userId: 'owner-1', role: 'practice_owner', practiceIds: [known] };
  let app: INestMicroservice;
  let nc: NatsConnection;
  let gateway: RpcClient<Record<string, { request: unknown; response: unknown }>>;
  let enrollments: typeof gateway;

  const raw = async (subject: string, body: unknown, token?: string) => {
    const h = natsHeaders();
    if (token) h.set(HEADER_ASSERTION, token);
    const msg = await nc.request(
      events.rpcPrefix + subject,
      codec.encode({ pattern: subject, data: body, id: randomUUID() }),
      { timeout: 10_000, headers: h },
    );
    return codec.decode(msg.data) as { err?: RpcErrorBody; response?: unknown };
  };
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => {
        throw new Error('expected a refusal');
      },
      (e: { body?: RpcErrorBody }) => {
        if (!e.body) throw e;
        return e.body;
      },
    );

  beforeAll(async () => {
    @Module({
      imports: [
        LoggerModule.forRoot({ pinoHttp: { level: 'silent' } }),
        RpcAuthModule.forRoot({
          issuer: 'probe',
          signingKey: trust.serviceEnv().RPC_SIGNING_KEY,
          trustedKeys: trust.serviceEnv().RPC_TRUSTED_KEYS,
          practiceLookup: TwoPractices,
        }),
      ],
      controllers: [ProbeController],
    })
    class ProbeModule {}
    app = await bootstrapService(ProbeModule, {
      name: `probe-${randomUUID()}`,
      natsUrl: testNatsUrl(),
      rpcSubjectPrefix: events.rpcPrefix,
    });
    nc = await connect({ servers: testNatsUrl() });
    gateway = new RpcClient(nc, 10_000, events.rpcPrefix, trust.signer('api-gateway'));
    enrollments = new RpcClient(nc, 10_000, events.rpcPrefix, trust.signer('enrollments'));
  });

  afterAll(async () => {
    await nc?.close();
    await app?.close();
  });

  it('refuses an unsigned request whose body names an admin, and one with a forged signature', async () => {
    expect(await raw('probe.who', { actor: admin, data: {} })).toEqual({
      err: expect.objectContaining({ code: 'unauthenticated', details: { reason: 'missing' } }),
      isDisposed: true,
      id: expect.any(String),
    });
    const stranger = new TestTrust('x').signer('api-gateway');
    const token = stranger.sign('probe.who', {}, userPrincipal(admin));
    expect((await raw('probe.who', { actor: admin, data: {} }, token)).err).toMatchObject({
      code: 'unauthenticated',
      details: { reason: 'bad_signature' },
    });
  });

  it('refuses an expired assertion and one from an issuer it does not trust', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = signAssertion(parseSigningKey(trust.keys('api-gateway').privateKey), {
      iss: 'api-gateway',
      aud: 'probe.who',
      rid: 'r',
      jti: 'j',
      iat: now - 60,
      exp: now - 30,
      dig: dataDigest({}),
      prn: userPrincipal(admin),
    });
    expect((await raw('probe.who', { data: {} }, expired)).err).toMatchObject({
      code: 'unauthenticated',
      details: { reason: 'expired' },
    });
    const own = trust
      .signer('probe')
      .sign('probe.for-enrollments', {}, servicePrincipal('probe', ['probe.for-enrollments']));
    expect((await raw('probe.for-enrollments', { data: {} }, own)).err).toMatchObject({
      code: 'unauthenticated',
      details: { reason: 'unknown_issuer' },
    });
  });

  it('gives the handler the verified caller, never the actor a body names', async () => {
    const token = trust.signer('api-gateway').sign('probe.who', { x: 1 }, userPrincipal(admin));
    const forgedBody = { actor: { userId: 'mallory', role: 'admin', practiceIds: null }, data: { x: 1 } };
    expect((await raw('probe.who', forgedBody, token)).response).toEqual({
      caller: { kind: 'user', userId: 'admin-1', role: 'admin', practiceIds: null },
      data: { x: 1 },
    });
  });

  it('refuses a handler without @Authorize, a role it does not list and a service it does not name', async () => {
    expect(
      await refusal(gateway.send('probe.undeclared', {}, { principal: userPrincipal(admin) })),
    ).toMatchObject({ code: 'forbidden', message: 'probe.undeclared declares no callers' });
    expect(await refusal(gateway.send('probe.who', {}, { principal: userPrincipal(owner) }))).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await refusal(
        enrollments.send('probe.who', {}, { principal: servicePrincipal('enrollments', ['probe.who']) }),
      ),
    ).toMatchObject({ code: 'forbidden', message: 'probe.who is not open to the enrollments service' });
    expect(
      await enrollments.send(
        'probe.for-enrollments',
        {},
        { principal: servicePrincipal('enrollments', ['probe.for-enrollments']) },
      ),
    ).toEqual({
      kind: 'service',
      service: 'enrollments',
      rights: ['probe.for-enrollments'],
      practiceIds: null,
    });
    // The gateway may not pose as a service it is not.
    expect(
      await refusal(
        gateway.send(
          'probe.for-enrollments',
          {},
          {
            principal: servicePrincipal('enrollments', ['probe.for-enrollments']),
          },
        ),
      ),
    ).toMatchObject({ code: 'unauthenticated', details: { reason: 'principal_not_allowed' } });
  });

  it('answers not_found alike for a practice out of scope and one that does not exist', async () => {
    const nowhere = randomUUID();
    expect(
      await gateway.send('probe.practice', { practiceId: known }, { principal: userPrincipal(owner) }),
    ).toEqual({ practiceId: known });
    expect(
      await refusal(
        gateway.send('probe.practice', { practiceId: other }, { principal: userPrincipal(owner) }),
      ),
    ).toEqual({ code: 'not_found', message: `Practice ${other} was not found` });
    expect(
      await refusal(
        gateway.send('probe.practice', { practiceId: nowhere }, { principal: userPrincipal(admin) }),
      ),
    ).toEqual({ code: 'not_found', message: `Practice ${nowhere} was not found` });
    // A service scoped to nothing sees no practice; scoped to one, that one.
    const svc = (practiceIds: string[] | null) =>
      servicePrincipal('enrollments', ['probe.practice'], practiceIds);
    expect(
      await refusal(enrollments.send('probe.practice', { practiceId: known }, { principal: svc(null) })),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await enrollments.send('probe.practice', { practiceId: known }, { principal: svc([known]) }),
    ).toEqual({ practiceId: known });
    expect(
      await refusal(gateway.send('probe.practice', { practiceId: 'x' }, { principal: userPrincipal(admin) })),
    ).toMatchObject({ code: 'validation_failed', errors: [{ field: 'practiceId' }] });
  });
});
