// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface FitReport {
  'method'?: (string);
  'outcomes'?: (number);
  'baseVersion'?: (string);
  'maxChange'?: (number | string);
  'errorBefore'?: (number | string);
  'errorAfter'?: (number | string);
}

export interface FitReport__Output {
  'method': (string);
  'outcomes': (number);
  'baseVersion': (string);
  'maxChange': (number);
  'errorBefore': (number);
  'errorAfter': (number);
}
