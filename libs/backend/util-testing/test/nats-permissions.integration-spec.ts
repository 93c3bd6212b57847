import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AckPolicy, connect, ErrorCode, JSONCodec, NatsConnection, NatsError, nkeys } from 'nats';
import {
  generateNatsAuth,
  GeneratedNatsAuth,
  natsIdentity,
  PrivateNatsServer,
  StackPrefixes,
} from '../src/lib/test-nats';

// The configuration npm start / npm test give their nats-server (tools/scripts/lib/access.mjs),
// on a real nats-server, for a stack with non-default prefixes as npm test's end-to-end stack has.
const stack: StackPrefixes = {
  rpcPrefix: 'perm1.rpc.',
  subjectPrefix: 'perm1.events',
  streamPrefix: 'PERM1',
  transferBucket: 'perm1-documents',
};
const codec = JSONCodec<unknown>();

describe('NATS identities and subject permissions (generated configuration)', () => {
  let server: PrivateNatsServer;
  let auth: GeneratedNatsAuth;
  const open: NatsConnection[] = [];

  const as = async (app: string): Promise<NatsConnection> => {
    const nc = await connect({ servers: server.url, name: app, ...natsIdentity(auth.seeds[app], app) });
    open.push(nc);
    return nc;
  };

  /** A responder with the practice-settings identity, counting what reaches it. */
  const practiceSettingsResponder = async () => {
    const ps = await as('practice-settings-service');
    const seen = { count: 0 };
    ps.subscribe(`${stack.rpcPrefix}practice-settings.health.ping`, {
      queue: 'practice-settings',
      callback: (_e, msg) => {
        seen.count++;
        msg.respond(codec.encode({ response: { ok: true } }));
      },
    });
    await ps.flush();
    return seen;
  };

  beforeAll(async () => {
    auth = generateNatsAuth([stack]);
    server = await PrivateNatsServer.start({
      config: auth.config,
      connectOptions: natsIdentity(auth.adminSeed),
    });
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((nc) => nc.close().catch(() => undefined)));
  });

  afterAll(async () => {
    await server?.dispose();
  });

  it('refuses a client without credentials, or with a key it does not know', async () => {
    await expect(connect({ servers: server.url, reconnect: false })).rejects.toMatchObject({
      code: ErrorCode.AuthorizationViolation,
    });
    const stranger = new TextDecoder().decode(nkeys.createUser().getSeed());
    await expect(
      connect({ servers: server.url, reconnect: false, ...natsIdentity(stranger) }),
    ).rejects.toMatchObject({ code: ErrorCode.AuthorizationViolation });
  });

  it('lets the gateway call a service, and the service answer on the gateway inbox', async () => {
    const seen = await practiceSettingsResponder();
    const gateway = await as('api-gateway');
    const reply = await gateway.request(`${stack.rpcPrefix}practice-settings.health.ping`, codec.encode({}), {
      timeout: 2000,
    });
    expect(codec.decode(reply.data)).toEqual({ response: { ok: true } });
    expect(seen.count).toBe(1);
  });

  it('does not let notifications call practice-settings', async () => {
    const seen = await practiceSettingsResponder();
    const notifications = await as('notifications-service');
    const error = await notifications
      .request(`${stack.rpcPrefix}practice-settings.health.ping`, codec.encode({}), { timeout: 2000 })
      .then(
        () => null,
        (e: NatsError) => e,
      );
    expect(error?.code).toBe(ErrorCode.PermissionsViolation);
    const unprefixed = await notifications
      .request('practice-settings.practice.list', codec.encode({}), { timeout: 2000 })
      .then(
        () => null,
        (e: NatsError) => e,
      );
    expect(unprefixed?.code).toBe(ErrorCode.PermissionsViolation);
    expect(seen.count).toBe(0);
  });

  it("does not let notifications subscribe to the gateway's replies", async () => {
    await practiceSettingsResponder();
    const notifications = await as('notifications-service');
    const stolen: string[] = [];
    let refused: Error | null = null;
    const sub = notifications.subscribe('_INBOX_api-gateway.>', {
      callback: (e, msg) => {
        if (e) refused = e;
        else stolen.push(msg.subject);
      },
    });
    const gateway = await as('api-gateway');
    await gateway.request(`${stack.rpcPrefix}practice-settings.health.ping`, codec.encode({}), {
      timeout: 2000,
    });
    await sub.closed;
    expect(refused).not.toBeNull();
    expect(String(refused)).toMatch(/Permissions Violation for Subscription/);
    expect(stolen).toEqual([]);
    // Nor the catch-all inbox nor everything.
    for (const subject of ['_INBOX.>', '>']) {
      const s = notifications.subscribe(subject);
      await expect(s.closed).resolves.toBeUndefined();
      expect(s.isClosed()).toBe(true);
    }
  });

  it('lets a service publish its own events and nobody else', async () => {
    const ps = await as('practice-settings-service');
    const jsm = await ps.jetstreamManager();
    await jsm.streams.add({
      name: `${stack.streamPrefix}_PRACTICE_SETTINGS`,
      subjects: [`${stack.subjectPrefix}.practice-settings.>`],
    });
    const ack = await ps
      .jetstream()
      .publish(`${stack.subjectPrefix}.practice-settings.practice.created`, codec.encode({ id: 'e1' }), {
        msgID: 'e1',
      });
    expect(ack.seq).toBe(1);

    const notifications = await as('notifications-service');
    await expect(
      notifications
        .jetstream()
        .publish(
          `${stack.subjectPrefix}.practice-settings.practice.created`,
          codec.encode({ id: 'forged' }),
          {
            timeout: 2000,
          },
        ),
    ).rejects.toMatchObject({ code: ErrorCode.PermissionsViolation });
    await expect(
      ps.jetstream().publish(`${stack.subjectPrefix}.client-insurance.client.created`, codec.encode({}), {
        timeout: 2000,
      }),
    ).rejects.toMatchObject({ code: ErrorCode.PermissionsViolation });
  });

  it('lets notifications consume practice-settings events but not read the client-insurance stream', async () => {
    const ci = await as('client-insurance-service');
    const ciStream = `${stack.streamPrefix}_CLIENT_INSURANCE`;
    await (
      await ci.jetstreamManager()
    ).streams.add({
      name: ciStream,
      subjects: [`${stack.subjectPrefix}.client-insurance.>`],
    });
    await ci
      .jetstream()
      .publish(`${stack.subjectPrefix}.client-insurance.client.created`, codec.encode({ phi: 1 }));

    const ps = await as('practice-settings-service');
    const psStream = `${stack.streamPrefix}_PRACTICE_SETTINGS`;
    await (await ps.jetstreamManager()).streams.info(psStream).catch(async () =>
      (await ps.jetstreamManager()).streams.add({
        name: psStream,
        subjects: [`${stack.subjectPrefix}.practice-settings.>`],
      }),
    );
    await ps
      .jetstream()
      .publish(`${stack.subjectPrefix}.practice-settings.practice.updated`, codec.encode({}));

    const notifications = await as('notifications-service');
    const jsm = await notifications.jetstreamManager();
    // Its own durable on the stream it consumes: created, read, acknowledged.
    await jsm.consumers.add(psStream, {
      durable_name: 'notifications-practices',
      ack_policy: AckPolicy.Explicit,
      filter_subject: `${stack.subjectPrefix}.practice-settings.>`,
    });
    const consumer = await notifications.jetstream().consumers.get(psStream, 'notifications-practices');
    const msg = await consumer.next({ expires: 2000 });
    expect(msg?.subject).toMatch(/^perm1\.events\.practice-settings\./);
    await expect(msg!.ackAck()).resolves.toBe(true);

    // The client-insurance stream: no info, no consumer, no message, no live subscription.
    const refused = { code: ErrorCode.PermissionsViolation };
    await expect(jsm.streams.info(ciStream)).rejects.toMatchObject(refused);
    await expect(jsm.streams.getMessage(ciStream, { seq: 1 })).rejects.toMatchObject(refused);
    await expect(
      jsm.consumers.add(ciStream, { durable_name: 'notifications-spy', ack_policy: AckPolicy.None }),
    ).rejects.toMatchObject(refused);
    // Nor another service's durable on a stream it may read.
    await expect(jsm.consumers.info(psStream, 'client-insurance-practices')).rejects.toMatchObject(refused);
    const live = notifications.subscribe(`${stack.subjectPrefix}.client-insurance.>`);
    await live.closed;
    expect(live.getProcessed()).toBe(0);
  });

  it('gives the document transfer bucket to the gateway and documents-service only', async () => {
    const gateway = await as('api-gateway');
    const os = await gateway.jetstream().views.os(stack.transferBucket);
    await os.putBlob({ name: 'upload/1' }, new TextEncoder().encode('card bytes'));
    const documents = await as('documents-service');
    const info = await (await documents.jetstream().views.os(stack.transferBucket)).info('upload/1');
    expect(info?.size).toBe(10);
    const notifications = await as('notifications-service');
    const spy = notifications
      .jetstream()
      .views.os(stack.transferBucket)
      .then((store) => store.info('upload/1'));
    await expect(spy).rejects.toMatchObject({ code: ErrorCode.PermissionsViolation });
  });
});

describe('docker-compose NATS configuration', () => {
  it('is what the generator writes (docker/nats/claimline.conf)', () => {
    const root = resolve(__dirname, '../../../..');
    const generated = execFileSync(
      process.execPath,
      [join(root, 'tools/scripts/lib/access.mjs'), 'compose-nats-config'],
      { encoding: 'utf8' },
    );
    expect(readFileSync(join(root, 'docker/nats/claimline.conf'), 'utf8')).toBe(generated);
    expect(generated).toContain('nkey: $API_GATEWAY_NATS_PUBLIC_KEY');
    expect(generated).not.toMatch(/\bSU[A-Z2-7]{56}\b/);
  });
});
