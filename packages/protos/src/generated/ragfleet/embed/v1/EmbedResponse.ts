// Original file: protos/ragfleet/embed/v1/embed.proto

import type { Embedding as _ragfleet_embed_v1_Embedding, Embedding__Output as _ragfleet_embed_v1_Embedding__Output } from '../../../ragfleet/embed/v1/Embedding';

export interface EmbedResponse {
  'embeddings'?: (_ragfleet_embed_v1_Embedding)[];
  'model'?: (string);
  'dimensions'?: (number);
  'cacheHits'?: (number);
}

export interface EmbedResponse__Output {
  'embeddings': (_ragfleet_embed_v1_Embedding__Output)[];
  'model': (string);
  'dimensions': (number);
  'cacheHits': (number);
}
