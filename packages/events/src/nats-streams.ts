import {
  JetStreamApiCodes,
  JetStreamApiError,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import type { StreamSpec } from './event-bus.ts';
import { DEFAULT_DUPLICATE_WINDOW_MS } from './delivery-policy.ts';
import type { EventLogger } from './event-logger.ts';

export function streamConfig(spec: StreamSpec): Partial<StreamConfig> & { name: string } {
  return {
    name: spec.name,
    subjects: spec.subjects,
    retention: spec.retention === 'workqueue' ? RetentionPolicy.Workqueue : RetentionPolicy.Limits,
    storage: StorageType.File,
    duplicate_window: nanos(spec.duplicateWindowMs ?? DEFAULT_DUPLICATE_WINDOW_MS),
  };
}

export function isNotFound(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

/** Creates each stream, or brings an existing one's subjects and window up to date. */
export async function ensureStreams(
  jsm: JetStreamManager,
  specs: readonly StreamSpec[],
  logger: EventLogger,
): Promise<void> {
  for (const spec of specs) {
    const config = streamConfig(spec);
    try {
      await jsm.streams.info(spec.name);
    } catch (error) {
      if (!isNotFound(error, JetStreamApiCodes.StreamNotFound)) throw error;
      await jsm.streams.add(config);
      logger.info(
        { stream: spec.name, subjects: spec.subjects, retention: spec.retention },
        'event stream created',
      );
      continue;
    }
    // Retention cannot change on a live stream; the server refuses and says so.
    await jsm.streams.update(spec.name, config);
  }
}
