/**
 * A durable domain event as stored in a service's outbox and published on JetStream.
 * `id` is unique per event and is the JetStream message id and the inbox key of every consumer.
 */
export interface EventEnvelope<T = unknown> {
  id: string;
  type: string;
  occurredAt: string;
  aggregateId: string;
  practiceId: string | null;
  actorId: string | null;
  data: T;
}

/** A typed map event type → payload, declared by each service's contract lib. */
export type EventMap = Record<string, object>;

/** A typed map subject → { request, response }, declared by each service's contract lib. */
export type RpcMap = Record<string, { request: unknown; response: unknown }>;

/** Constraint for typed maps declared as interfaces (which have no index signature). */
export type EventMapOf<M> = { [K in keyof M]: object };
export type RpcMapOf<M> = { [K in keyof M]: { request: unknown; response: unknown } };
