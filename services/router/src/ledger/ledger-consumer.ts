import type { EventBus, Subscription } from '@ragfleet/events';
import { ledgerEntryOf } from './generation-event.ts';
import type { UsageLedger } from './usage-ledger.ts';

interface ConsumerLogger {
  warn(fields: object, message: string): void;
}

export interface LedgerConsumerOptions {
  bus: EventBus;
  ledger: UsageLedger;
  /** The generation.completed subject of the fleet's topology. */
  subject: string;
  /** Shared by every router replica: each event is appended by one of them. */
  durable: string;
  logger: ConsumerLogger;
  /** Called once per event with whether it was new (false: a redelivery, already counted). */
  onAppended?: (fresh: boolean) => void;
  /** Called for an event the ledger cannot count (no provider or model): acked and dropped. */
  onDropped?: () => void;
}

/**
 * Appends every generation.completed event to the ledger. The bus acks only after the handler
 * resolves, i.e. after the entry is on disk (or in MongoDB); a failed append is redelivered, and
 * a redelivery of an event already appended is a no-op (append is idempotent by generationId).
 */
export class LedgerConsumer {
  readonly #o: LedgerConsumerOptions;
  #subscription: Subscription | undefined;

  constructor(options: LedgerConsumerOptions) {
    this.#o = options;
  }

  async start(): Promise<void> {
    const { bus, ledger, subject, durable, logger, onAppended, onDropped } = this.#o;
    this.#subscription = await bus.subscribe<unknown>(subject, { durable, concurrency: 4 }, async (event) => {
      const entry = ledgerEntryOf(event);
      if (!entry || !entry.tenant) {
        logger.warn(
          { event: event.id, type: event.type },
          'ledger: dropped a generation event it cannot count',
        );
        onDropped?.();
        return;
      }
      // Not `onAppended?.(await ledger.append(entry))`: without a callback that skips the append.
      const fresh = await ledger.append(entry);
      onAppended?.(fresh);
    });
  }

  async stop(): Promise<void> {
    await this.#subscription?.stop();
    this.#subscription = undefined;
  }
}
