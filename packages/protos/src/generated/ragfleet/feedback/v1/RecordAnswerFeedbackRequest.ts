// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { Rating as _ragfleet_feedback_v1_Rating, Rating__Output as _ragfleet_feedback_v1_Rating__Output } from '../../../ragfleet/feedback/v1/Rating';

export interface RecordAnswerFeedbackRequest {
  'answerId'?: (string);
  'rating'?: (_ragfleet_feedback_v1_Rating);
  'comment'?: (string);
  'kind'?: (string);
  'sessionId'?: (string);
}

export interface RecordAnswerFeedbackRequest__Output {
  'answerId': (string);
  'rating': (_ragfleet_feedback_v1_Rating__Output);
  'comment': (string);
  'kind': (string);
  'sessionId': (string);
}
