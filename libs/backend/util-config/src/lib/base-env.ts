import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches } from 'class-validator';
import { IsSigningKey, IsTrustedKeys } from '@claimline/backend/util-auth';
import { IsEnvInt } from './env-rules';

/** Variables every Claimline service reads. Services extend it with their own. */
export class BaseServiceEnv {
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL: string;

  @Matches(/^(nats|tls):\/\/.+/, {
    message: 'NATS_URL must be a nats:// URL (comma-separated for a cluster)',
  })
  NATS_URL: string = 'nats://127.0.0.1:4222';

  /**
   * This process's NATS identity, an NKey user seed (`SU…`); a secret. The server's permissions
   * for its public key say what it may publish and subscribe to. Unset: no credentials.
   */
  @IsOptional()
  @Matches(/^SU[A-Z2-7]{56}$/, {
    message: 'NATS_NKEY_SEED must be an NKey user seed (SU followed by 56 characters)',
  })
  NATS_NKEY_SEED?: string;

  /**
   * Subject prefix of this process's reply inboxes (`_INBOX` when unset). The server lets only
   * this identity subscribe to it, so no other process can read its replies.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, {
    message: 'NATS_INBOX_PREFIX must be dot-separated NATS tokens, e.g. _INBOX_api-gateway',
  })
  NATS_INBOX_PREFIX?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Subject prefix of durable events on JetStream; tests use their own to stay isolated. */
  @Matches(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, {
    message: 'EVENTS_SUBJECT_PREFIX must be dot-separated NATS tokens',
  })
  EVENTS_SUBJECT_PREFIX: string = 'events';

  @Matches(/^[A-Z0-9_]+$/, { message: 'EVENTS_STREAM_PREFIX must be upper-case letters, digits and _' })
  EVENTS_STREAM_PREFIX: string = 'CLAIMLINE';

  /**
   * Prefix of every request-reply subject (empty in production). Test runs and side-by-side
   * stacks on one NATS server set their own, so no other run's service can answer them.
   */
  @Matches(/^([A-Za-z0-9_-]+\.)*$/, {
    message: 'RPC_SUBJECT_PREFIX must be empty or dot-terminated NATS tokens, e.g. "e2e1."',
  })
  RPC_SUBJECT_PREFIX: string = '';

  @IsEnvInt(100, 60_000)
  RPC_TIMEOUT_MS: number = 5000;

  @IsEnvInt(10, 60_000)
  OUTBOX_POLL_MS: number = 1000;

  /** How long a service's event stream keeps an event (hours; 30 days). Inbox rows are kept twice as long. */
  @IsEnvInt(1)
  EVENTS_MAX_AGE_HOURS: number = 720;

  /** The most bytes a service's event stream keeps, oldest events dropped first (1 GiB). */
  @IsEnvInt(1_048_576)
  EVENTS_MAX_BYTES: number = 1024 ** 3;

  /** How many NATS servers keep each event stream (JetStream replicas): 1 on one server, 3 on a three-node cluster. */
  @IsEnvInt(1, 5)
  EVENTS_REPLICAS: number = 1;

  /** How long published outbox rows are kept before the relay deletes them (hours; 7 days). */
  @IsEnvInt(1)
  OUTBOX_RETENTION_HOURS: number = 168;

  /** Delays the outbox relay's first run; only tests set it, to hold events in the outbox. */
  @IsEnvInt(0)
  OUTBOX_RELAY_START_DELAY_MS: number = 0;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  SERVICE_INSTANCE?: string;

  /**
   * Port of the process's Prometheus endpoint (`GET /metrics`, util-metrics); unset: nothing
   * listens. Never the API's port, never published; 0 takes any free port (tests).
   */
  @Transform(({ value, key, obj }) => (obj[key] === '' ? undefined : value))
  @IsOptional()
  @IsEnvInt(0, 65_535)
  METRICS_PORT?: number;

  /** Address the metrics endpoint binds: loopback unless a scraper on another host needs it. */
  @IsString()
  @IsNotEmpty()
  METRICS_HOST: string = '127.0.0.1';

  /**
   * This process's own Ed25519 private key (base64 PKCS#8 DER): signs the caller assertion of
   * every request it sends. Required to start (not to migrate); see docs/deployment.md.
   */
  @IsOptional()
  @IsSigningKey()
  RPC_SIGNING_KEY?: string;

  /**
   * The public keys whose assertions a service accepts: `issuer=<base64 SPKI DER>`, comma-separated
   * (e.g. `api-gateway=MCow…,enrollments=MCow…`). Required for a service to start.
   */
  @IsOptional()
  @IsTrustedKeys()
  RPC_TRUSTED_KEYS?: string;
}
