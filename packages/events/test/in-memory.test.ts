import { eventBusContract } from '@ragfleet/events/contract';
import { InMemoryEventBus } from '@ragfleet/events';

eventBusContract('in-memory', async (streams, logger) => {
  return new InMemoryEventBus({ streams, logger, redelivery: { baseDelayMs: 20, maxDelayMs: 100 } });
});
