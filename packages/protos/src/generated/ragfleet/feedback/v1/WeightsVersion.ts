// Original file: protos/ragfleet/feedback/v1/feedback.proto

import type { FactorWeight as _ragfleet_feedback_v1_FactorWeight, FactorWeight__Output as _ragfleet_feedback_v1_FactorWeight__Output } from '../../../ragfleet/feedback/v1/FactorWeight';
import type { FitReport as _ragfleet_feedback_v1_FitReport, FitReport__Output as _ragfleet_feedback_v1_FitReport__Output } from '../../../ragfleet/feedback/v1/FitReport';

export interface WeightsVersion {
  'version'?: (string);
  'factors'?: (_ragfleet_feedback_v1_FactorWeight)[];
  'createdAt'?: (string);
  'origin'?: (string);
  'fit'?: (_ragfleet_feedback_v1_FitReport | null);
  'restoredVersion'?: (string);
  'active'?: (boolean);
}

export interface WeightsVersion__Output {
  'version': (string);
  'factors': (_ragfleet_feedback_v1_FactorWeight__Output)[];
  'createdAt': (string);
  'origin': (string);
  'fit': (_ragfleet_feedback_v1_FitReport__Output | null);
  'restoredVersion': (string);
  'active': (boolean);
}
