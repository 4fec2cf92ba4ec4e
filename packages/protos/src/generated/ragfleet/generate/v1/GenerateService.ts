// Original file: protos/ragfleet/generate/v1/generate.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AnswerRequest as _ragfleet_generate_v1_AnswerRequest, AnswerRequest__Output as _ragfleet_generate_v1_AnswerRequest__Output } from '../../../ragfleet/generate/v1/AnswerRequest';
import type { AnswerResponse as _ragfleet_generate_v1_AnswerResponse, AnswerResponse__Output as _ragfleet_generate_v1_AnswerResponse__Output } from '../../../ragfleet/generate/v1/AnswerResponse';
import type { SuggestRequest as _ragfleet_generate_v1_SuggestRequest, SuggestRequest__Output as _ragfleet_generate_v1_SuggestRequest__Output } from '../../../ragfleet/generate/v1/SuggestRequest';
import type { SuggestResponse as _ragfleet_generate_v1_SuggestResponse, SuggestResponse__Output as _ragfleet_generate_v1_SuggestResponse__Output } from '../../../ragfleet/generate/v1/SuggestResponse';
import type { SummarizeRequest as _ragfleet_generate_v1_SummarizeRequest, SummarizeRequest__Output as _ragfleet_generate_v1_SummarizeRequest__Output } from '../../../ragfleet/generate/v1/SummarizeRequest';
import type { SummarizeResponse as _ragfleet_generate_v1_SummarizeResponse, SummarizeResponse__Output as _ragfleet_generate_v1_SummarizeResponse__Output } from '../../../ragfleet/generate/v1/SummarizeResponse';

export interface GenerateServiceClient extends grpc.Client {
  Answer(argument: _ragfleet_generate_v1_AnswerRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_generate_v1_AnswerResponse__Output>;
  Answer(argument: _ragfleet_generate_v1_AnswerRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_generate_v1_AnswerResponse__Output>;
  answer(argument: _ragfleet_generate_v1_AnswerRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_generate_v1_AnswerResponse__Output>;
  answer(argument: _ragfleet_generate_v1_AnswerRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_ragfleet_generate_v1_AnswerResponse__Output>;
  
  Suggest(argument: _ragfleet_generate_v1_SuggestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  Suggest(argument: _ragfleet_generate_v1_SuggestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  Suggest(argument: _ragfleet_generate_v1_SuggestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  Suggest(argument: _ragfleet_generate_v1_SuggestRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  suggest(argument: _ragfleet_generate_v1_SuggestRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  suggest(argument: _ragfleet_generate_v1_SuggestRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  suggest(argument: _ragfleet_generate_v1_SuggestRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  suggest(argument: _ragfleet_generate_v1_SuggestRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_SuggestResponse__Output>): grpc.ClientUnaryCall;
  
  Summarize(argument: _ragfleet_generate_v1_SummarizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_SummarizeResponse__Output>): grpc.ClientUnaryCall;
  Summarize(argument: _ragfleet_generate_v1_SummarizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_SummarizeResponse__Output>): grpc.ClientUnaryCall;
  Summarize(argument: _ragfleet_generate_v1_SummarizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_SummarizeResponse__Output>): grpc.ClientUnaryCall;
  Summarize(argument: _ragfleet_generate_v1_SummarizeRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_SummarizeResponse__Output>): grpc.ClientUnaryCall;
  summarize(argument: _ragfleet_generate_v1_SummarizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_SummarizeResponse__Output>): grpc.ClientUnaryCall;
  summarize(argument: _ragfleet_generate_v1_SummarizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_ragfleet_generate_v1_SummarizeResponse__Output>): grpc.ClientUnaryCall;
  summarize(argument: _ragfleet_generate_v1_SummarizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_ragfleet_generate_v1_SummarizeResponse__Output>): grpc.ClientUnaryCall;
  summarize(argument: _ragfleet_generate_v1_SummarizeRequest, callback: grpc.requestCallback<_ragfleet_generate_v1_SummarizeResponse__Output>): grpc.ClientUnaryCall;
  
}

export interface GenerateServiceHandlers extends grpc.UntypedServiceImplementation {
  Answer: grpc.handleServerStreamingCall<_ragfleet_generate_v1_AnswerRequest__Output, _ragfleet_generate_v1_AnswerResponse>;
  
  Suggest: grpc.handleUnaryCall<_ragfleet_generate_v1_SuggestRequest__Output, _ragfleet_generate_v1_SuggestResponse>;
  
  Summarize: grpc.handleUnaryCall<_ragfleet_generate_v1_SummarizeRequest__Output, _ragfleet_generate_v1_SummarizeResponse>;
  
}

export interface GenerateServiceDefinition extends grpc.ServiceDefinition {
  Answer: MethodDefinition<_ragfleet_generate_v1_AnswerRequest, _ragfleet_generate_v1_AnswerResponse, _ragfleet_generate_v1_AnswerRequest__Output, _ragfleet_generate_v1_AnswerResponse__Output>
  Suggest: MethodDefinition<_ragfleet_generate_v1_SuggestRequest, _ragfleet_generate_v1_SuggestResponse, _ragfleet_generate_v1_SuggestRequest__Output, _ragfleet_generate_v1_SuggestResponse__Output>
  Summarize: MethodDefinition<_ragfleet_generate_v1_SummarizeRequest, _ragfleet_generate_v1_SummarizeResponse, _ragfleet_generate_v1_SummarizeRequest__Output, _ragfleet_generate_v1_SummarizeResponse__Output>
}
