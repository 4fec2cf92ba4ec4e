import { uniqueSuffix, waitFor } from '@ragfleet/testing';
import { RetrieveClient, TENANT_KEY, Transport, outgoingMetadata } from '../../packages/grpc/src/index.ts';
import type { RetrieveV1 } from '../../packages/protos/src/index.ts';
import { runWithRequestContext } from '../../packages/telemetry/src/index.ts';

/** One search made with one tenant's token and another tenant's x-tenant-id, and what it saw. */
export interface SmuggledSearch {
  tokenTenant: string;
  claimedTenant: string;
  /** The document of the token's tenant, and of the tenant the header claims. */
  tokenDocument: string;
  claimedDocument: string;
  /** Documents of the hits, in rank order. */
  seen: string[];
}

const asTenant = <T>(tenant: string, work: () => T): T =>
  runWithRequestContext({ requestId: `images-check-${tenant}`, tenant }, work);

async function ingestFor(
  client: RetrieveClient,
  tenant: string,
  document: RetrieveV1.Document,
): Promise<void> {
  const { job } = await asTenant(tenant, () => client.ingestDocuments({ documents: [document] }));
  if (!job) throw new Error(`retrieve accepted ${document.id} for ${tenant} without a job`);
  const done = await waitFor(
    async () => {
      const current = (await asTenant(tenant, () => client.getJob(job.id))).job;
      return current && ['JOB_STATE_SUCCEEDED', 'JOB_STATE_FAILED'].includes(current.state)
        ? current
        : undefined;
    },
    60_000,
    200,
  );
  if (done?.state !== 'JOB_STATE_SUCCEEDED')
    throw new Error(`ingesting ${document.id} for ${tenant} ended ${done?.state}: ${done?.error}`);
}

/**
 * A search as a caller holding a valid token for `tokenTenant` who also sets x-tenant-id to
 * `claimedTenant`: the client's own metadata (request id, trace context, the token), then the
 * header overwritten, sent on the generated client so nothing puts it right again.
 */
function smuggledSearch(
  client: RetrieveClient,
  transport: Transport,
  tokenTenant: string,
  claimedTenant: string,
  query: string,
): Promise<RetrieveV1.SearchResponse__Output | undefined> {
  const metadata = asTenant(tokenTenant, () =>
    outgoingMetadata(transport.authorization(client.grpc.audience)),
  );
  metadata.set(TENANT_KEY, claimedTenant);
  return new Promise((resolve, reject) =>
    client.grpc.raw.Search(
      { query, k: 10 },
      metadata,
      { deadline: Date.now() + 10_000 },
      (error, response) => (error ? reject(error) : resolve(response)),
    ),
  );
}

/**
 * Two tenants of this run, each given one document that holds the same made-up word, through
 * retrieve's gRPC API with tokens signed by the fleet's key (`keys`, read as the services read
 * it). Then each searches for that word with its own token and the other's x-tenant-id: what
 * comes back must be the token's tenant's document alone.
 */
export async function smuggleTenants(retrieveAddress: string, keys: Buffer[]): Promise<SmuggledSearch[]> {
  const transport = Transport.create({ service: 'images-check', keys });
  const client = new RetrieveClient(retrieveAddress, { transport });
  const suffix = uniqueSuffix();
  const marker = `quillfern${suffix.replaceAll('_', '')}`;
  const tenants = [`images-a-${suffix}`, `images-b-${suffix}`];
  const documentOf = (tenant: string) => `trust-check/${tenant}.md`;
  try {
    for (const tenant of tenants) {
      await ingestFor(client, tenant, {
        id: documentOf(tenant),
        title: `The ${marker} of ${tenant}`,
        text: `This page belongs to tenant ${tenant} alone. It names the ${marker}, which no other tenant may find.`,
      });
    }
    const searches: SmuggledSearch[] = [];
    for (const [tokenTenant, claimedTenant] of [tenants, [...tenants].reverse()] as Array<[string, string]>) {
      const response = await smuggledSearch(client, transport, tokenTenant, claimedTenant, marker);
      searches.push({
        tokenTenant,
        claimedTenant,
        tokenDocument: documentOf(tokenTenant),
        claimedDocument: documentOf(claimedTenant),
        seen: (response?.hits ?? []).map((hit) => hit.documentId),
      });
    }
    return searches;
  } finally {
    client.close();
  }
}
