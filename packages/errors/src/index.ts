export { ERROR_CODES, isErrorCode, type ErrorCode } from './codes.ts';
export {
  RagfleetError,
  isRagfleetError,
  toRagfleetError,
  type RagfleetErrorOptions,
} from './ragfleet-error.ts';
export { fieldDetails, invalidField, withFieldList, type FieldProblem } from './field-problems.ts';
