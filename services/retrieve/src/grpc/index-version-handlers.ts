import type { CallContext, Handlers } from '@ragfleet/grpc';
import type { RetrieveV1 } from '@ragfleet/protos';
import type { ChunkingOptions } from '../domain/chunking/chunking.ts';
import { resolveChunking } from '../domain/chunking/chunking-config.ts';
import type { IndexVersion } from '../domain/versions/index-version.ts';
import type { IndexVersions } from '../domain/versions/index-versions.ts';
import type { LabeledSet } from '../domain/versions/version-gate.ts';

export const INDEX_VERSION_SERVICE = 'ragfleet.retrieve.v1.IndexVersionService';

/** IndexVersionService over the domain: build, read, activate (gated), roll back. */
export function indexVersionHandlers(versions: IndexVersions, defaultChunking: ChunkingOptions): Handlers {
  return {
    BuildIndexVersion: async (
      request: RetrieveV1.BuildIndexVersionRequest__Output,
    ): Promise<RetrieveV1.BuildIndexVersionResponse> => ({
      version: toProtoVersion(
        await versions.build({
          model: request.model,
          chunking: resolveChunking(request.chunking ?? {}, defaultChunking),
        }),
      ),
    }),

    GetIndexVersion: async (
      request: RetrieveV1.GetIndexVersionRequest__Output,
    ): Promise<RetrieveV1.GetIndexVersionResponse> => ({ version: toProtoVersion(versions.get(request.id)) }),

    ListIndexVersions: async (): Promise<RetrieveV1.ListIndexVersionsResponse> => {
      const catalog = versions.catalog();
      return {
        versions: catalog.versions.map(toProtoVersion),
        active: catalog.active,
        previous: catalog.previous,
      };
    },

    ActivateIndexVersion: async (
      request: RetrieveV1.ActivateIndexVersionRequest__Output,
      context: CallContext,
    ): Promise<RetrieveV1.ActivateIndexVersionResponse> => {
      const result = await versions.activate(request.id, {
        force: request.force,
        labeled: toLabeledSet(context.tenant, request.queries),
      });
      return { ...result, version: toProtoVersion(result.version) };
    },

    RollbackIndexVersion: async (): Promise<RetrieveV1.RollbackIndexVersionResponse> => ({
      version: toProtoVersion(await versions.rollback()),
    }),
  };
}

function toLabeledSet(tenant: string, queries: RetrieveV1.LabeledQuery__Output[]): LabeledSet {
  return {
    tenant,
    queries: queries.map((labeled) => ({
      query: labeled.query,
      relevant: Object.fromEntries(labeled.relevant.map((document) => [document.documentId, document.grade])),
    })),
  };
}

export function toProtoVersion(version: IndexVersion): RetrieveV1.IndexVersion {
  return { ...version, chunking: { ...version.chunking } };
}
