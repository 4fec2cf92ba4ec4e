// Original file: protos/ragfleet/feedback/v1/feedback.proto


export interface ExpectedEffects {
  'revenueDeltaFraction'?: (number | string);
  'steps'?: (number | string);
  'risk'?: (number | string);
  'daysToValue'?: (number | string);
  'inputsPresent'?: (number | string);
  'inputsExpected'?: (number | string);
  '_revenueDeltaFraction'?: "revenueDeltaFraction";
  '_steps'?: "steps";
  '_risk'?: "risk";
  '_daysToValue'?: "daysToValue";
  '_inputsPresent'?: "inputsPresent";
  '_inputsExpected'?: "inputsExpected";
}

export interface ExpectedEffects__Output {
  'revenueDeltaFraction'?: (number);
  'steps'?: (number);
  'risk'?: (number);
  'daysToValue'?: (number);
  'inputsPresent'?: (number);
  'inputsExpected'?: (number);
  '_revenueDeltaFraction'?: "revenueDeltaFraction";
  '_steps'?: "steps";
  '_risk'?: "risk";
  '_daysToValue'?: "daysToValue";
  '_inputsPresent'?: "inputsPresent";
  '_inputsExpected'?: "inputsExpected";
}
