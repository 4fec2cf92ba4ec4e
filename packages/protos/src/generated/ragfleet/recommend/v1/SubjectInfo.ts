// Original file: protos/ragfleet/recommend/v1/recommend.proto

import type { Subject as _ragfleet_feedback_v1_Subject, Subject__Output as _ragfleet_feedback_v1_Subject__Output } from '../../../ragfleet/feedback/v1/Subject';
import type { SubjectContext as _ragfleet_recommend_v1_SubjectContext, SubjectContext__Output as _ragfleet_recommend_v1_SubjectContext__Output } from '../../../ragfleet/recommend/v1/SubjectContext';

export interface SubjectInfo {
  'subject'?: (_ragfleet_feedback_v1_Subject | null);
  'context'?: (_ragfleet_recommend_v1_SubjectContext | null);
  'summary'?: ({[key: string]: number | string});
}

export interface SubjectInfo__Output {
  'subject': (_ragfleet_feedback_v1_Subject__Output | null);
  'context': (_ragfleet_recommend_v1_SubjectContext__Output | null);
  'summary': ({[key: string]: number});
}
