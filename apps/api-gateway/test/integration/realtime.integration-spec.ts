import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { connect, NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { generateAssertionKeys } from '@claimline/backend/util-auth';
import { validateEnv } from '@claimline/backend/util-config';
import { TestDatabase, testEventsConfig, testNatsUrl, waitFor } from '@claimline/backend/util-testing';
import type { RealtimeServerFrame } from '@claimline/contracts/messaging';
import { createGateway } from '../../src/app.factory';
import { hashPassword } from '../../src/auth/passwords';
import { GatewayEnv } from '../../src/config/env';
import { StaffAssignmentEntity } from '../../src/users/entities/staff-assignment.entity';
import { UserEntity } from '../../src/users/entities/user.entity';
import { ADMIN_PASSWORD, gatewayDatabase, JWT_SECRET } from './harness';

/** A socket of the test, with every frame it got and how it closed. */
class TestSocket {
  readonly frames: RealtimeServerFrame[] = [];
  closed: { code: number; reason: string } | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.frames.push(JSON.parse(data.toString()) as RealtimeServerFrame));
    ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  static async open(base: string): Promise<TestSocket> {
    const ws = new WebSocket(`${base.replace('http', 'ws')}/api/v1/realtime`);
    await new Promise<void>((done, fail) => {
      ws.once('open', () => done());
      ws.once('error', fail);
    });
    return new TestSocket(ws);
  }

  /** Opens a socket and authenticates it, waiting for `ready`. */
  static async signedIn(base: string, token: string): Promise<TestSocket> {
    const socket = await TestSocket.open(base);
    socket.auth(token);
    await waitFor('ready', async () => socket.frames.some((f) => f.type === 'ready') || null, 5000, 20);
    return socket;
  }

  auth(token: string): void {
    this.ws.send(JSON.stringify({ type: 'auth', token }));
  }

  of<T extends RealtimeServerFrame['type']>(type: T): Extract<RealtimeServerFrame, { type: T }>[] {
    return this.frames.filter((f) => f.type === type) as Extract<RealtimeServerFrame, { type: T }>[];
  }

  async closedWith(): Promise<{ code: number; reason: string }> {
    return waitFor('the socket to close', async () => this.closed, 5000, 20);
  }
}

/**
 * The messaging sockets (ADR 0026) on two gateway replicas sharing one database and NATS: both
 * push what messaging publishes to the users it names, a socket of practice A never gets B's
 * events (even naming its user), tokens are checked on connect and on refresh, and a session that
 * ends closes its sockets on every replica. The messaging events are published on NATS as the
 * service's outbox relay does; `messaging.unread.counts` is answered by a stand-in.
 */
describe('realtime messaging sockets', () => {
  const events = testEventsConfig();
  let db: TestDatabase;
  let nc: NatsConnection;
  const gateways: INestApplication[] = [];
  const bases: string[] = [];
  const sockets: TestSocket[] = [];
  const practiceA = randomUUID();
  const practiceB = randomUUID();
  const ids = { ownerA: randomUUID(), staffA: randomUUID(), ownerB: randomUUID() };
  const tokens: Record<keyof typeof ids, { accessToken: string; refreshToken: string }> = {} as never;

  const socket = async (gateway: number, who: keyof typeof ids): Promise<TestSocket> => {
    const s = await TestSocket.signedIn(bases[gateway], tokens[who].accessToken);
    sockets.push(s);
    return s;
  };

  const publish = (type: string, data: Record<string, unknown>) =>
    nc.publish(
      `${events.subjectPrefix}.${type}`,
      JSON.stringify({
        id: randomUUID(),
        type,
        occurredAt: new Date().toISOString(),
        aggregateId: data['threadId'],
        practiceId: data['practiceId'],
        actorId: null,
        data,
      }),
    );

  const posted = (practiceId: string, threadId: string, senderId: string, recipientIds: string[]) => {
    const messageId = randomUUID();
    publish('messaging.message.posted', {
      practiceId,
      threadId,
      messageId,
      senderId,
      recipientIds,
      createdAt: new Date().toISOString(),
    });
    return messageId;
  };

  beforeAll(async () => {
    db = await gatewayDatabase();
    nc = await connect({ servers: testNatsUrl() });
    // Stands in for messaging-service: each user's counts, told apart by who asks.
    nc.subscribe(`${events.rpcPrefix}messaging.unread.counts`, {
      callback: (_e, msg) => {
        const packet = msg.json<{ id: string }>();
        msg.respond(
          JSON.stringify({
            id: packet.id,
            isDisposed: true,
            response: { total: 3, practices: [{ practiceId: practiceA, unread: 3, threads: 1 }] },
          }),
        );
      },
    });
    const env = validateEnv('api-gateway', GatewayEnv, {
      DATABASE_URL: db.url,
      NATS_URL: testNatsUrl(),
      EVENTS_SUBJECT_PREFIX: events.subjectPrefix,
      EVENTS_STREAM_PREFIX: events.streamPrefix,
      RPC_SUBJECT_PREFIX: events.rpcPrefix,
      JWT_SECRET,
      RPC_SIGNING_KEY: generateAssertionKeys().privateKey,
      BOOTSTRAP_ADMIN_EMAIL: 'admin@realtime.test',
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
      RPC_TIMEOUT_MS: '2000',
      LOG_LEVEL: 'silent',
    });
    for (let i = 0; i < 2; i++) {
      const app = await createGateway(env);
      await app.listen(0, '127.0.0.1');
      gateways.push(app);
      bases.push((await app.getUrl()).replace('[::1]', '127.0.0.1'));
    }
    const sql = gateways[0].get(DataSource);
    const passwordHash = await hashPassword(ADMIN_PASSWORD);
    const user = (id: string, role: UserEntity['role'], practiceId: string | null) => ({
      id,
      email: `${id}@realtime.test`,
      displayName: role,
      passwordHash,
      role,
      practiceId,
    });
    await sql
      .getRepository(UserEntity)
      .insert([
        user(ids.ownerA, 'practice_owner', practiceA),
        user(ids.staffA, 'billing_staff', null),
        user(ids.ownerB, 'practice_owner', practiceB),
      ]);
    await sql.getRepository(StaffAssignmentEntity).insert({ userId: ids.staffA, practiceId: practiceA });
    for (const who of Object.keys(ids) as (keyof typeof ids)[]) {
      const res = await fetch(`${bases[0]}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${ids[who]}@realtime.test`, password: ADMIN_PASSWORD }),
      });
      expect(res.status).toBe(200);
      tokens[who] = (await res.json()) as { accessToken: string; refreshToken: string };
    }
  });

  afterAll(async () => {
    for (const s of sockets) s.ws.terminate();
    for (const app of gateways) await app.close();
    await nc?.close();
    await db?.drop();
  });

  it('refuses a socket without a valid token: a malformed frame, a bad token, another secret’s token', async () => {
    const malformed = await TestSocket.open(bases[0]);
    malformed.ws.send('hello');
    expect(await malformed.closedWith()).toEqual(expect.objectContaining({ code: 4400 }));

    const bad = await TestSocket.open(bases[0]);
    bad.auth('not.a.jwt');
    expect(await bad.closedWith()).toEqual(expect.objectContaining({ code: 4401 }));

    const [header, , signature] = tokens.ownerA.accessToken.split('.');
    const forgedClaims = Buffer.from(
      JSON.stringify({ sub: ids.ownerB, sid: randomUUID(), exp: Math.floor(Date.now() / 1000) + 600 }),
    ).toString('base64url');
    const forged = await TestSocket.open(bases[1]);
    forged.auth(`${header}.${forgedClaims}.${signature}`);
    expect(await forged.closedWith()).toEqual(expect.objectContaining({ code: 4401 }));
    expect([malformed, bad, forged].flatMap((s) => s.frames)).toEqual([]);
  });

  it('pushes a new message to its participants on every replica, with their unread counts, within a second', async () => {
    const ownerA = await socket(0, 'ownerA');
    const staffA = await socket(1, 'staffA');
    const ownerB = await socket(1, 'ownerB');
    // On connect, each socket gets its user's counts.
    await waitFor('the first counts', async () => staffA.of('unread').length > 0 || null, 5000, 20);

    const threadId = randomUUID();
    const started = Date.now();
    const messageId = posted(practiceA, threadId, ids.ownerA, [ids.staffA]);
    for (const s of [ownerA, staffA])
      await waitFor(
        'the message',
        async () => s.of('message.posted').find((f) => f.messageId === messageId) ?? null,
        2000,
        5,
      );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(staffA.of('message.posted')[0]).toEqual({
      type: 'message.posted',
      practiceId: practiceA,
      threadId,
      messageId,
      senderId: ids.ownerA,
      createdAt: expect.any(String),
    });
    const counts = staffA.of('unread').length;
    await waitFor(
      'the recipient’s counts',
      async () => staffA.of('unread').length > counts || null,
      2000,
      10,
    );
    expect(staffA.of('unread').at(-1)).toEqual({
      type: 'unread',
      total: 3,
      practices: [{ practiceId: practiceA, unread: 3, threads: 1 }],
    });

    // The read receipt goes back to the sender.
    publish('messaging.thread.read', {
      practiceId: practiceA,
      threadId,
      userId: ids.staffA,
      messageIds: [messageId],
      participantIds: [ids.ownerA, ids.staffA],
    });
    await waitFor('the receipt', async () => ownerA.of('thread.read')[0] ?? null, 2000, 10);
    expect(ownerA.of('thread.read')[0]).toEqual(
      expect.objectContaining({ userId: ids.staffA, messageIds: [messageId] }),
    );
    expect(ownerB.frames.map((f) => f.type)).toEqual(['ready', 'unread']);
  });

  it('never gives a socket of practice A what happens in practice B, even when an event names its user', async () => {
    const ownerA = await socket(0, 'ownerA');
    const ownerB = await socket(0, 'ownerB');
    const threadB = randomUUID();
    // A thread of B naming A's owner (a guessed or stale id) reaches B's owner only.
    const inB = posted(practiceB, threadB, ids.ownerB, [ids.ownerA]);
    publish('messaging.thread.created', {
      practiceId: practiceB,
      threadId: threadB,
      participantIds: [ids.ownerA],
    });
    await waitFor('B’s own push', async () => ownerB.of('message.posted')[0] ?? null, 2000, 10);
    // A marker in A after B's events: once it arrived, B's would have too.
    const marker = posted(practiceA, randomUUID(), ids.staffA, [ids.ownerA]);
    await waitFor(
      'the marker',
      async () => ownerA.of('message.posted').find((f) => f.messageId === marker) ?? null,
      2000,
      10,
    );
    expect(ownerA.frames.filter((f) => 'practiceId' in f && f.practiceId === practiceB)).toEqual([]);
    expect(ownerA.of('message.posted').map((f) => f.messageId)).not.toContain(inB);
  });

  it('checks the token again on refresh: the same user goes on, another user is closed', async () => {
    const s = await socket(0, 'ownerA');
    s.auth(tokens.ownerA.accessToken);
    const messageId = posted(practiceA, randomUUID(), ids.staffA, [ids.ownerA]);
    await waitFor(
      'a push after the refresh',
      async () => s.of('message.posted').find((f) => f.messageId === messageId) ?? null,
      2000,
      10,
    );
    s.auth(tokens.staffA.accessToken);
    expect(await s.closedWith()).toEqual(expect.objectContaining({ code: 4401 }));
  });

  it('closes every socket of a session that signs out, on every replica, and only those', async () => {
    const here = await socket(0, 'staffA');
    const there = await socket(1, 'staffA');
    const other = await socket(1, 'ownerA');
    const res = await fetch(`${bases[0]}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.staffA.refreshToken }),
    });
    expect(res.status).toBe(204);
    expect(await here.closedWith()).toEqual(expect.objectContaining({ code: 4401 }));
    expect(await there.closedWith()).toEqual(expect.objectContaining({ code: 4401 }));
    expect(other.closed).toBeNull();
    // The ended session cannot open a new one either.
    const again = await TestSocket.open(bases[1]);
    again.auth(tokens.staffA.accessToken);
    expect(await again.closedWith()).toEqual(expect.objectContaining({ code: 4401 }));
  });
});
