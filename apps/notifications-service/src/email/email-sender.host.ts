import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationsEnv, redactSmtpUrl } from '../config/env';
import { domainOf, EmailSender } from './email-sender';
import { Mailer, smtpMailer } from './mailer';

/** Runs the sender loop for the life of the service, over nodemailer's SMTP transport. */
@Injectable()
export class EmailSenderHost implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly sender: EmailSender;
  private readonly mailer: Mailer;
  private readonly logger = new Logger('EmailSender');

  constructor(
    @InjectDataSource() db: DataSource,
    private readonly env: NotificationsEnv,
  ) {
    this.mailer = smtpMailer({
      url: env.SMTP_URL,
      rejectUnauthorized: env.SMTP_TLS_REJECT_UNAUTHORIZED,
      requireTls: env.SMTP_REQUIRE_TLS,
      timeoutMs: env.SMTP_TIMEOUT_MS,
    });
    this.sender = new EmailSender(db, this.mailer, {
      from: env.MAIL_FROM,
      messageDomain: domainOf(env.MAIL_FROM),
      pollMs: env.EMAIL_POLL_MS,
      batchSize: env.EMAIL_BATCH_SIZE,
      leaseMs: env.EMAIL_LEASE_MS,
      maxAttempts: env.EMAIL_MAX_ATTEMPTS,
      retryBaseMs: env.EMAIL_RETRY_BASE_MS,
      retryMaxMs: env.EMAIL_RETRY_MAX_MS,
      logger: this.logger,
    });
  }

  onApplicationBootstrap(): void {
    this.logger.log(`sending through ${redactSmtpUrl(this.env.SMTP_URL)} as ${this.env.MAIL_FROM}`);
    this.sender.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sender.stop();
    this.mailer.close();
  }
}
