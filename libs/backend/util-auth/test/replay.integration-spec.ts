import { randomUUID } from 'node:crypto';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, MicroserviceOptions, Transport } from '@nestjs/microservices';
import { connect, headers as natsHeaders, JSONCodec, NatsConnection } from 'nats';
import { Actor, HEADER_ASSERTION, RpcErrorBody, userPrincipal } from '@claimline/contracts/common';
import { RpcClient } from '@claimline/backend/util-nats';
import { Authorize, RpcAuthGuard, RpcAuthModule, TestTrust } from '../src';

const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const subject = `replay-probe-${randomUUID()}.count`;
let handled = 0;

@Controller()
class CountController {
  @Authorize({ roles: ['admin'] })
  @MessagePattern(subject)
  count() {
    handled += 1;
    return { handled };
  }
}

/**
 * The guard on a real NATS server: a captured assertion sent again is refused before the handler
 * runs, while a client that asks again (a new request, so a new assertion) is answered.
 */
describe('RpcAuthGuard against replayed assertions', () => {
  const trust = new TestTrust('probe');
  const codec = JSONCodec<unknown>();
  const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: null };
  let app: INestMicroservice;
  let nc: NatsConnection;
  let gateway: RpcClient<Record<string, { request: unknown; response: unknown }>>;

  const raw = async (token: string) => {
    const h = natsHeaders();
    h.set(HEADER_ASSERTION, token);
    const msg = await nc.request(
      subject,
      codec.encode({ pattern: subject, data: { data: {} }, id: randomUUID() }),
      {
        timeout: 10_000,
        headers: h,
      },
    );
    return codec.decode(msg.data) as { err?: RpcErrorBody; response?: unknown };
  };

  beforeAll(async () => {
    @Module({
      imports: [
        RpcAuthModule.forRoot({
          issuer: 'probe',
          signingKey: trust.serviceEnv().RPC_SIGNING_KEY,
          trustedKeys: trust.serviceEnv().RPC_TRUSTED_KEYS,
        }),
      ],
      controllers: [CountController],
    })
    class ProbeModule {}
    app = await NestFactory.createMicroservice<MicroserviceOptions>(ProbeModule, {
      transport: Transport.NATS,
      options: { servers: [natsUrl], queue: 'replay-probe' },
      logger: false,
    });
    app.useGlobalGuards(app.get(RpcAuthGuard));
    await app.listen();
    nc = await connect({ servers: natsUrl });
    gateway = new RpcClient(nc, 10_000, '', trust.signer('api-gateway'));
  });

  afterAll(async () => {
    await nc?.close();
    await app?.close();
  });

  it('answers a captured assertion once and refuses it when it is sent again', async () => {
    const token = trust.signer('api-gateway').sign(subject, {}, userPrincipal(admin));
    const before = handled;
    expect(await raw(token)).toMatchObject({ response: { handled: before + 1 } });
    expect((await raw(token)).err).toEqual({
      code: 'unauthenticated',
      message: 'The assertion has already been used',
      details: { reason: 'replayed' },
    });
    expect(handled).toBe(before + 1);
  });

  it('answers a client that asks again with the same data and request id', async () => {
    const before = handled;
    const options = { principal: userPrincipal(admin), requestId: randomUUID() };
    expect(await gateway.send(subject, {}, options)).toEqual({ handled: before + 1 });
    expect(await gateway.send(subject, {}, options)).toEqual({ handled: before + 2 });
  });
});
