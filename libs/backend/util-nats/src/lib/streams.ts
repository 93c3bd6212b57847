import { JetStreamManager, NatsError, RetentionPolicy, StorageType, DiscardPolicy } from 'nats';
import { EVENT_STREAM_MAX_AGE_MS, EVENT_STREAM_MAX_BYTES, EventsConfig, streamName } from './events-config';

const NS_PER_MS = 1_000_000;

/**
 * Creates the stream of a producing service if it does not exist, with its limits (max age, max
 * bytes; oldest events dropped first). Safe to call from every side; only the producer (`owner`)
 * brings an existing stream's limits and replica count up to date, as only it may change its stream (ADR 0012).
 */
export async function ensureEventStream(
  jsm: JetStreamManager,
  config: EventsConfig,
  service: string,
  { owner = true }: { owner?: boolean } = {},
): Promise<string> {
  const name = streamName(config, service);
  const subjects = [`${config.subjectPrefix}.${service}.>`];
  const maxAge = (config.maxAgeMs ?? EVENT_STREAM_MAX_AGE_MS) * NS_PER_MS;
  const maxBytes = config.maxBytes ?? EVENT_STREAM_MAX_BYTES;
  const replicas = config.replicas ?? 1;
  try {
    const info = await jsm.streams.info(name);
    if (
      owner &&
      (info.config.max_age !== maxAge ||
        info.config.max_bytes !== maxBytes ||
        info.config.num_replicas !== replicas)
    )
      await jsm.streams.update(name, {
        ...info.config,
        max_age: maxAge,
        max_bytes: maxBytes,
        // a cluster moves an existing stream to this many replicas (JetStream copies it)
        num_replicas: replicas,
        duplicate_window: Math.min(info.config.duplicate_window, maxAge),
      });
  } catch (error) {
    if (!(error instanceof NatsError) || !/stream not found/i.test(error.message)) throw error;
    try {
      await jsm.streams.add({
        name,
        subjects,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        duplicate_window: Math.min(2 * 60 * 1_000_000_000, maxAge),
        max_age: maxAge,
        max_bytes: maxBytes,
        num_replicas: replicas,
      });
    } catch (addError) {
      // Two processes may race to create it; the loser finds it there.
      if (!(addError instanceof NatsError) || !/already in use/i.test(addError.message)) throw addError;
    }
  }
  return name;
}
