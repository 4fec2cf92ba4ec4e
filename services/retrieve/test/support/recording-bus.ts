import type { EventBus, EventBusState, EventEnvelope, PublishResult, Subscription } from '@ragfleet/events';

/** An EventBus that only records what is published, for unit tests that drive handlers directly. */
export class RecordingBus implements EventBus {
  readonly published: Array<{ subject: string; event: EventEnvelope<unknown> }> = [];
  failPublish: Error | undefined;
  state: EventBusState = 'connected';

  async publish<T>(subject: string, event: EventEnvelope<T>): Promise<PublishResult> {
    if (this.failPublish) throw this.failPublish;
    const duplicate = this.published.some((seen) => seen.event.id === event.id);
    this.published.push({ subject, event });
    return { duplicate };
  }

  async subscribe(): Promise<Subscription> {
    throw new Error('RecordingBus does not deliver; call the handler directly');
  }

  async close(): Promise<void> {}
}
