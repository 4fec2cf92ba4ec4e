import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { EmbedRequest as _ragfleet_embed_v1_EmbedRequest, EmbedRequest__Output as _ragfleet_embed_v1_EmbedRequest__Output } from './ragfleet/embed/v1/EmbedRequest';
import type { EmbedResponse as _ragfleet_embed_v1_EmbedResponse, EmbedResponse__Output as _ragfleet_embed_v1_EmbedResponse__Output } from './ragfleet/embed/v1/EmbedResponse';
import type { EmbedServiceClient as _ragfleet_embed_v1_EmbedServiceClient, EmbedServiceDefinition as _ragfleet_embed_v1_EmbedServiceDefinition } from './ragfleet/embed/v1/EmbedService';
import type { Embedding as _ragfleet_embed_v1_Embedding, Embedding__Output as _ragfleet_embed_v1_Embedding__Output } from './ragfleet/embed/v1/Embedding';
import type { ListModelsRequest as _ragfleet_embed_v1_ListModelsRequest, ListModelsRequest__Output as _ragfleet_embed_v1_ListModelsRequest__Output } from './ragfleet/embed/v1/ListModelsRequest';
import type { ListModelsResponse as _ragfleet_embed_v1_ListModelsResponse, ListModelsResponse__Output as _ragfleet_embed_v1_ListModelsResponse__Output } from './ragfleet/embed/v1/ListModelsResponse';
import type { ModelInfo as _ragfleet_embed_v1_ModelInfo, ModelInfo__Output as _ragfleet_embed_v1_ModelInfo__Output } from './ragfleet/embed/v1/ModelInfo';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  ragfleet: {
    embed: {
      v1: {
        EmbedRequest: MessageTypeDefinition<_ragfleet_embed_v1_EmbedRequest, _ragfleet_embed_v1_EmbedRequest__Output>
        EmbedResponse: MessageTypeDefinition<_ragfleet_embed_v1_EmbedResponse, _ragfleet_embed_v1_EmbedResponse__Output>
        EmbedService: SubtypeConstructor<typeof grpc.Client, _ragfleet_embed_v1_EmbedServiceClient> & { service: _ragfleet_embed_v1_EmbedServiceDefinition }
        Embedding: MessageTypeDefinition<_ragfleet_embed_v1_Embedding, _ragfleet_embed_v1_Embedding__Output>
        ListModelsRequest: MessageTypeDefinition<_ragfleet_embed_v1_ListModelsRequest, _ragfleet_embed_v1_ListModelsRequest__Output>
        ListModelsResponse: MessageTypeDefinition<_ragfleet_embed_v1_ListModelsResponse, _ragfleet_embed_v1_ListModelsResponse__Output>
        ModelInfo: MessageTypeDefinition<_ragfleet_embed_v1_ModelInfo, _ragfleet_embed_v1_ModelInfo__Output>
      }
    }
  }
}

