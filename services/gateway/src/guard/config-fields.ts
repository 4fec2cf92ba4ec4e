import { z } from 'zod';
import { GUARD_MODES } from './prompt-guard.ts';

export const guardConfigFields = {
  /** Prompt-injection guard on user questions: off, flag (log + marker) or block (400 PROMPT_REJECTED). */
  GATEWAY_INJECTION_GUARD: z.enum(GUARD_MODES).default('flag'),
};
