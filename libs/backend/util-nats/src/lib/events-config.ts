/**
 * Where durable events live on JetStream. Each producing service has one stream,
 * `<streamPrefix>_<SERVICE>`, holding subjects `<subjectPrefix>.<service>.>`. Events sit under
 * their own prefix so a stream never captures the request-reply subjects (`<service>.<entity>.<verb>`).
 */
export interface EventsConfig {
  subjectPrefix: string;
  streamPrefix: string;
  /** How long a stream keeps an event (`EVENTS_MAX_AGE_HOURS`); default `EVENT_STREAM_MAX_AGE_MS`. */
  maxAgeMs?: number;
  /** The most bytes a stream keeps, oldest dropped first (`EVENTS_MAX_BYTES`); default `EVENT_STREAM_MAX_BYTES`. */
  maxBytes?: number;
  /** How many servers of a NATS cluster keep each stream (`EVENTS_REPLICAS`); default 1. */
  replicas?: number;
}

/** 30 days: a consumer that was down longer rebuilds its read model over RPC, not from the stream. */
export const EVENT_STREAM_MAX_AGE_MS = 30 * 24 * 3_600_000;
/** 1 GiB per producing service. */
export const EVENT_STREAM_MAX_BYTES = 1024 ** 3;
/** Published outbox rows are kept this long (`OUTBOX_RETENTION_HOURS`), then deleted by the relay. */
export const OUTBOX_RETENTION_MS = 7 * 24 * 3_600_000;
/** How often the relay and each consumer delete old outbox and inbox rows. */
export const PRUNE_EVERY_MS = 3_600_000;

/**
 * Inbox rows are kept twice the stream's max age: an event can be delivered again only while it is
 * in the stream, or when the relay republishes a row it published but did not mark (after a crash),
 * which it does as soon as it runs again.
 */
export function inboxRetentionMs(config: EventsConfig): number {
  return 2 * (config.maxAgeMs ?? EVENT_STREAM_MAX_AGE_MS);
}

export const EVENTS_CONFIG = Symbol('EVENTS_CONFIG');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
/** The consuming service's schema, which holds its `inbox` table (`null` in a process without one). */
export const INBOX_SCHEMA = Symbol('INBOX_SCHEMA');

/** The service part of an event type: 'practice-settings.practice.created' → 'practice-settings'. */
export function serviceOf(eventType: string): string {
  return eventType.split('.')[0];
}

export function streamName(config: EventsConfig, service: string): string {
  return `${config.streamPrefix}_${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

export function eventSubject(config: EventsConfig, eventType: string): string {
  return `${config.subjectPrefix}.${eventType}`;
}

export function eventTypeOf(config: EventsConfig, subject: string): string {
  return subject.slice(config.subjectPrefix.length + 1);
}
