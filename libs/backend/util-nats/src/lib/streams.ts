import { JetStreamManager, NatsError, RetentionPolicy, StorageType, DiscardPolicy } from 'nats';
import { EventsConfig, streamName } from './events-config';

/** Creates the stream of a producing service if it does not exist; safe to call from every side. */
export async function ensureEventStream(
  jsm: JetStreamManager,
  config: EventsConfig,
  service: string,
): Promise<string> {
  const name = streamName(config, service);
  const subjects = [`${config.subjectPrefix}.${service}.>`];
  try {
    await jsm.streams.info(name);
  } catch (error) {
    if (!(error instanceof NatsError) || !/stream not found/i.test(error.message)) throw error;
    try {
      await jsm.streams.add({
        name,
        subjects,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        duplicate_window: 2 * 60 * 1_000_000_000,
        num_replicas: 1,
      });
    } catch (addError) {
      // Two processes may race to create it; the loser finds it there.
      if (!(addError instanceof NatsError) || !/already in use/i.test(addError.message)) throw addError;
    }
  }
  return name;
}
