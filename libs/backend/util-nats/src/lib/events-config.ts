/**
 * Where durable events live on JetStream. Each producing service has one stream,
 * `<streamPrefix>_<SERVICE>`, holding subjects `<subjectPrefix>.<service>.>`. Events sit under
 * their own prefix so a stream never captures the request-reply subjects (`<service>.<entity>.<verb>`).
 */
export interface EventsConfig {
  subjectPrefix: string;
  streamPrefix: string;
}

export const EVENTS_CONFIG = Symbol('EVENTS_CONFIG');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

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
