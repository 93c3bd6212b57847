import { HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { GatewayEnv } from '../config/env';
import { UserEntity } from '../users/entities/user.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { SessionEntity } from './entities/session.entity';
import { ActorService } from './actor.service';
import type { AccessTokenClaims } from './auth.types';
import { TokenPair } from './auth.dto';
import { LoginThrottle } from './login-throttle';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords';
import { revokeSession } from './sessions';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Where a sign-in came from, for the audit log. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
}

/** 429 for a locked account; the controller turns `retryAfterSeconds` into `Retry-After`. */
export class SignInLockedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many failed sign-ins with this e-mail; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`,
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Short-lived JWT access tokens naming their session (`sid`), and opaque, rotating refresh tokens
 * (`<id>.<secret>`, stored hashed) whose family is the session. Presenting a refresh token that
 * was already used revokes the session: a stolen token can be used at most once, and then neither
 * thief nor owner keeps it. Logout revokes the session, and with it its access tokens at once.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly env: GatewayEnv,
    private readonly actors: ActorService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async login(email: string, password: string, meta: RequestMeta): Promise<TokenPair> {
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const accountKey = this.throttle.accountKey(email);
    // Failed sign-ins are recorded by the e-mail's keyed hash, never the address: an unknown one
    // may be a mistyped address of someone real.
    const failed = (status: number) =>
      this.audit.record({
        ...signInEvent(meta, status),
        userId: user?.id ?? null,
        resourceId: `email-hmac:${accountKey.slice(0, 32)}`,
      });
    const retryAfter = await this.throttle.attempt(accountKey);
    if (retryAfter) {
      await failed(429);
      throw new SignInLockedException(retryAfter);
    }
    const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH_PROMISE), password);
    if (!user || !ok || !user.active) {
      await failed(401);
      throw new UnauthorizedException('E-mail or password is wrong');
    }
    await this.throttle.succeeded(accountKey);
    const sessionId = randomUUID();
    const pair = await this.db.transaction(async (m) => {
      await m.insert(SessionEntity, { id: sessionId, userId: user.id, revokedAt: null });
      return this.issue(user, sessionId, m.getRepository(RefreshTokenEntity));
    });
    await this.audit.record({
      ...signInEvent(meta, 200),
      userId: user.id,
      role: user.role,
      resourceId: sessionId,
    });
    return pair;
  }

  async refresh(presented: string): Promise<TokenPair> {
    const [id, secret] = presented.split('.');
    const invalid = new UnauthorizedException('The refresh token is not valid; sign in again');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw invalid;
    // The revocation on reuse must commit, so the transaction returns instead of throwing.
    const outcome = await this.db.transaction(
      async (m): Promise<TokenPair | 'invalid' | { reused: string }> => {
        const token = await m.findOne(RefreshTokenEntity, {
          where: { id },
          lock: { mode: 'pessimistic_write' },
        });
        if (!token || !safeEqual(token.tokenHash, sha256(secret))) return 'invalid';
        if (token.usedAt || token.revokedAt) {
          await revokeSession(m, token.familyId);
          return { reused: token.familyId };
        }
        if (token.expiresAt.getTime() < Date.now()) return 'invalid';
        const user = await m.findOne(UserEntity, { where: { id: token.userId } });
        if (!user?.active) return 'invalid';
        token.usedAt = new Date();
        await m.save(token);
        return this.issue(user, token.familyId, m.getRepository(RefreshTokenEntity));
      },
    );
    if (outcome === 'invalid') throw invalid;
    if ('reused' in outcome) {
      this.actors.forgetSession(outcome.reused);
      throw invalid;
    }
    return outcome;
  }

  /** Ends the refresh token's session: its refresh tokens and its access tokens stop working at once. */
  async logout(presented: string, meta: RequestMeta): Promise<void> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) return;
    const token = await this.db.getRepository(RefreshTokenEntity).findOne({ where: { id } });
    if (!token || !safeEqual(token.tokenHash, sha256(secret))) return;
    await this.db.transaction((m) => revokeSession(m, token.familyId));
    this.actors.forgetSession(token.familyId);
    await this.audit.record({
      ...signInEvent(meta, 204),
      action: 'delete',
      userId: token.userId,
      resourceId: token.familyId,
    });
  }

  private async issue(
    user: UserEntity,
    sessionId: string,
    repo: Repository<RefreshTokenEntity>,
  ): Promise<TokenPair> {
    const claims: AccessTokenClaims = {
      sub: user.id,
      sid: sessionId,
      role: user.role,
      email: user.email,
      practiceId: user.practiceId,
    };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS,
      algorithm: 'HS256',
    });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await repo.insert({
      id,
      userId: user.id,
      familyId: sessionId,
      tokenHash: sha256(secret),
      expiresAt: new Date(Date.now() + this.env.REFRESH_TOKEN_TTL_SECONDS * 1000),
      usedAt: null,
      revokedAt: null,
    });
    return {
      accessToken,
      refreshToken: `${id}.${secret}`,
      tokenType: 'Bearer',
      expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS,
    };
  }
}

/** A sign-in (or, with action `delete`, a sign-out) in the audit log: resource `session`. */
function signInEvent(meta: RequestMeta, status: number) {
  return {
    userId: null as string | null,
    role: null as string | null,
    action: 'create',
    resourceType: 'session',
    resourceId: null as string | null,
    practiceId: null,
    status,
    requestId: meta.requestId,
    ip: meta.ip,
  };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
