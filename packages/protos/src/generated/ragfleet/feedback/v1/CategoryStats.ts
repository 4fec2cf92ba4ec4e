// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface CategoryStats {
  'category'?: (string);
  'generated'?: (number);
  'shown'?: (number);
  'applied'?: (number);
  'dismissed'?: (number);
  'measured'?: (number);
  'successRate'?: (number | string);
  'meanEffectiveness'?: (number | string);
  'acceptanceRate'?: (number | string);
}

export interface CategoryStats__Output {
  'category': (string);
  'generated': (number);
  'shown': (number);
  'applied': (number);
  'dismissed': (number);
  'measured': (number);
  'successRate': (number);
  'meanEffectiveness': (number);
  'acceptanceRate': (number);
}
