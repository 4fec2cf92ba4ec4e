// Original file: protos/ragfleet/generate/v1/generate.proto

import type { Status as _ragfleet_generate_v1_Status, Status__Output as _ragfleet_generate_v1_Status__Output } from '../../../ragfleet/generate/v1/Status';
import type { Citations as _ragfleet_generate_v1_Citations, Citations__Output as _ragfleet_generate_v1_Citations__Output } from '../../../ragfleet/generate/v1/Citations';
import type { Token as _ragfleet_generate_v1_Token, Token__Output as _ragfleet_generate_v1_Token__Output } from '../../../ragfleet/generate/v1/Token';
import type { Usage as _ragfleet_generate_v1_Usage, Usage__Output as _ragfleet_generate_v1_Usage__Output } from '../../../ragfleet/generate/v1/Usage';
import type { Done as _ragfleet_generate_v1_Done, Done__Output as _ragfleet_generate_v1_Done__Output } from '../../../ragfleet/generate/v1/Done';
import type { Error as _ragfleet_generate_v1_Error, Error__Output as _ragfleet_generate_v1_Error__Output } from '../../../ragfleet/generate/v1/Error';
import type { SpecialistResult as _ragfleet_generate_v1_SpecialistResult, SpecialistResult__Output as _ragfleet_generate_v1_SpecialistResult__Output } from '../../../ragfleet/generate/v1/SpecialistResult';
import type { PanelResult as _ragfleet_generate_v1_PanelResult, PanelResult__Output as _ragfleet_generate_v1_PanelResult__Output } from '../../../ragfleet/generate/v1/PanelResult';

export interface AnswerResponse {
  'status'?: (_ragfleet_generate_v1_Status | null);
  'citations'?: (_ragfleet_generate_v1_Citations | null);
  'token'?: (_ragfleet_generate_v1_Token | null);
  'usage'?: (_ragfleet_generate_v1_Usage | null);
  'done'?: (_ragfleet_generate_v1_Done | null);
  'error'?: (_ragfleet_generate_v1_Error | null);
  'specialistDone'?: (_ragfleet_generate_v1_SpecialistResult | null);
  'panelResult'?: (_ragfleet_generate_v1_PanelResult | null);
  'event'?: "status"|"citations"|"token"|"usage"|"done"|"error"|"specialistDone"|"panelResult";
}

export interface AnswerResponse__Output {
  'status'?: (_ragfleet_generate_v1_Status__Output | null);
  'citations'?: (_ragfleet_generate_v1_Citations__Output | null);
  'token'?: (_ragfleet_generate_v1_Token__Output | null);
  'usage'?: (_ragfleet_generate_v1_Usage__Output | null);
  'done'?: (_ragfleet_generate_v1_Done__Output | null);
  'error'?: (_ragfleet_generate_v1_Error__Output | null);
  'specialistDone'?: (_ragfleet_generate_v1_SpecialistResult__Output | null);
  'panelResult'?: (_ragfleet_generate_v1_PanelResult__Output | null);
  'event'?: "status"|"citations"|"token"|"usage"|"done"|"error"|"specialistDone"|"panelResult";
}
