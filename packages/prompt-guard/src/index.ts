export { detectInjection, inspectText, type Inspection } from './detector.ts';
export { stripInvisible } from './invisible.ts';
export { normalizeForMatching } from './normalize.ts';
export {
  INJECTION_REASONS,
  type Finding,
  type InjectionReason,
  type InjectionVerdict,
  type TextView,
} from './verdict.ts';
