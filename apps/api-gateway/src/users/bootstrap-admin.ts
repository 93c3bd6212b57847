import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { passwordProblem } from '../auth/password-policy';
import { hashPassword } from '../auth/passwords';
import { GatewayEnv } from '../config/env';
import { UserEntity } from './entities/user.entity';

/** Creates the first administrator from configuration, once; never touches an existing account. */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('BootstrapAdmin');
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: GatewayEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.env.BOOTSTRAP_ADMIN_EMAIL?.trim().toLowerCase();
    const password = this.env.BOOTSTRAP_ADMIN_PASSWORD;
    if (!email || !password) return;
    // A configuration error: the process stops and says why rather than create a guessable admin.
    const problem = passwordProblem(password, email);
    if (problem) throw new Error(`BOOTSTRAP_ADMIN_PASSWORD is refused: ${problem}`);
    // ON CONFLICT DO NOTHING: replicas starting together create one admin, and an existing one stays.
    const { raw } = await this.db
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values({
        id: randomUUID(),
        email,
        displayName: 'Administrator',
        passwordHash: await hashPassword(password),
        role: 'admin',
      })
      .orIgnore()
      .returning('id')
      .execute();
    if ((raw as unknown[]).length) this.logger.log(`created the first administrator ${email}`);
  }
}
