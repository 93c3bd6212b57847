import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GatewayEnv } from '../config/env';
import { RefreshTokenEntity, UserEntity } from '../database/entities';
import type { AccessTokenClaims } from './auth.types';
import { TokenPair } from './auth.dto';
import { DUMMY_HASH_PROMISE, verifyPassword } from './passwords';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Short-lived JWT access tokens and opaque, rotating refresh tokens (`<id>.<secret>`, stored
 * hashed). Presenting a refresh token that was already used revokes its whole family: a stolen
 * token can be used at most once, and then neither thief nor owner keeps a session.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly env: GatewayEnv,
  ) {}

  async login(email: string, password: string): Promise<TokenPair> {
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH_PROMISE), password);
    if (!user || !ok || !user.active) throw new UnauthorizedException('E-mail or password is wrong');
    return this.issue(user, randomUUID());
  }

  async refresh(presented: string): Promise<TokenPair> {
    const [id, secret] = presented.split('.');
    const invalid = new UnauthorizedException('The refresh token is not valid; sign in again');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) throw invalid;
    // The revocation on reuse must commit, so the transaction returns instead of throwing.
    const outcome = await this.db.transaction(async (m): Promise<TokenPair | 'invalid'> => {
      const token = await m.findOne(RefreshTokenEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token || !safeEqual(token.tokenHash, sha256(secret))) return 'invalid';
      if (token.usedAt || token.revokedAt) {
        await m.query(
          'UPDATE gateway.refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
          [token.familyId],
        );
        return 'invalid';
      }
      if (token.expiresAt.getTime() < Date.now()) return 'invalid';
      const user = await m.findOne(UserEntity, { where: { id: token.userId } });
      if (!user?.active) return 'invalid';
      token.usedAt = new Date();
      await m.save(token);
      return this.issue(user, token.familyId, m.getRepository(RefreshTokenEntity));
    });
    if (outcome === 'invalid') throw invalid;
    return outcome;
  }

  async logout(presented: string): Promise<void> {
    const [id, secret] = presented.split('.');
    if (!id || !secret || !/^[0-9a-f-]{36}$/.test(id)) return;
    const token = await this.db.getRepository(RefreshTokenEntity).findOne({ where: { id } });
    if (token && safeEqual(token.tokenHash, sha256(secret))) {
      await this.db.query(
        'UPDATE gateway.refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
        [token.familyId],
      );
    }
  }

  private async issue(
    user: UserEntity,
    familyId: string,
    repo = this.db.getRepository(RefreshTokenEntity),
  ): Promise<TokenPair> {
    const claims: AccessTokenClaims = {
      sub: user.id,
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
      familyId,
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

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
