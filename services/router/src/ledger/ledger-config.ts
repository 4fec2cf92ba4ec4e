import { z } from 'zod';
import { env } from '@ragfleet/config';

/** The router's settings for its usage ledger, spread into routerConfigSchema. */
export const ledgerConfigFields = {
  /** The embedded ledger lives in DATA_DIR/router/ledger.jsonl. */
  DATA_DIR: z.string().min(1).default('.data'),
  /** When set, the ledger is MongoDB's `router_ledger` collection, shared by every replica. */
  MONGODB_URI: env.optionalString(),
  /** JetStream, where generate publishes generation.completed; the in-process bus otherwise. */
  NATS_URL: env.optionalUrl(),
  NATS_NAMESPACE: env.natsNamespace(),
};

export interface LedgerConfig {
  DATA_DIR: string;
  MONGODB_URI?: string | undefined;
  NATS_URL?: string | undefined;
  NATS_NAMESPACE: string;
}
