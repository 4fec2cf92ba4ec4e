import { pattern, type Pattern } from './pattern.ts';

/**
 * Markup that fakes a turn of the conversation: chat-template tokens, a "System:" line dressed in
 * markdown, a JSON (or YAML, or Python) message object with a privileged role, or the tags that
 * fence retrieved passages in the prompt. A model trained on these formats may take the text for
 * a real system or assistant turn.
 */

/** Roles whose words a model obeys; a faked "user" turn is less dangerous and common in examples. */
const PRIVILEGED_ROLE = String.raw`(?:system|developer|assistant|tool|function)`;

/** The label of a faked turn at the start of a line, however it is decorated. */
const TURN_LABEL = String.raw`(?:system(?: (?:prompt|message|note|notice|override|instructions?|update|alert|command))?|sys|developer(?: (?:message|note|mode))?|admin(?:istrator)?|root|operator|assistant|instructions?)`;

/**
 * Markdown around a label: quotes, headings, bullets, emphasis, code, brackets, links. One marker
 * per repetition, never a run (`[…]+` inside `(…)*`): a run could be split in exponentially many
 * ways, and a markdown table rule of dashes then took seconds, per line, to fail.
 */
const LINE_DECORATION = String.raw`(?:[>#*_~|+'-][ \t]*|\d+[.)][ \t]*)*[[(']?!?`;
const LABEL_DECORATION = String.raw`(?:\]\([^)\n]*\)|[\])'])?(?:[ \t]*\([^)\n]{0,30}\))?[ \t]*[*_'~]*`;

/**
 * A faked turn says something to the model. "System: Ubuntu 22.04, why does the port fail?" is a
 * user describing a machine, so the label counts only when the words after it address the model.
 */
const ADDRESSES_MODEL = String.raw`(?=[^\n]*(?:\n[^\n]*)?\b(?:you|your|user|users|assistant|model|ai|ignore|disregard|override|overrides|overridden|must|always|never|respond|reply|answer|obey|reveal|instructions?|rules|admin|administrator|root|mode|prompt|policy|enabled|disabled|disable|enable|privileges?|from now on|no longer|bound|restrictions?|citations?|sources|passages|unrestricted|jailbreak|dan)\b)`;

export const MARKUP: readonly Pattern[] = [
  // <|im_start|>, <|eot_id|>, [INST], <<SYS>>, <start_of_turn>, </s><s>
  pattern(
    'markup.chat-template',
    'prompt_markup',
    String.raw`<\|[a-z_\u2581]{2,30}\|>|\[/?inst\]|<</?sys>>|<(?:start|end)_of_turn>|</s>\s*<s>|<s>\s*\[inst\]|<\|?(?:begin|end)_of_(?:text|sentence)\|?>`,
  ),
  // <system>...</system> and the other role tags, bare
  pattern(
    'markup.role-tag',
    'prompt_markup',
    String.raw`</?(?:system(?:[_-]\w+)?|sys|assistant|human|user|developer(?:[_-]\w+)?|im_start|im_end)\s*>`,
  ),
  // Tags that fence retrieved passages: a passage that closes its own fence and opens a new one
  pattern(
    'markup.passage-fence',
    'prompt_markup',
    String.raw`</?\s*(?:passages?|sources|retrieved(?:_\w+)?|question|instructions?|documents)(?=[\s>/])[^<>\n]{0,80}>`,
  ),
  // "System:", "**System:**", "> SYSTEM:", "## System" ... "[system](#x):" at the start of a line
  pattern(
    'markup.turn-label',
    'prompt_markup',
    String.raw`^[ \t]*${LINE_DECORATION}${TURN_LABEL}${LABEL_DECORATION}[ \t]*:${ADDRESSES_MODEL}`,
    'm',
  ),
  // "[System] you are now ...", "> [!SYSTEM]": a bracketed label needs no colon
  pattern(
    'markup.turn-bracket',
    'prompt_markup',
    String.raw`^[ \t]*(?:[>#*_~|+-][ \t]*)*\[!?${TURN_LABEL}\][ \t]*[*_]*(?:[ \t:]|$)${ADDRESSES_MODEL}`,
    'm',
  ),
  // "| System | ignore all citations |": a label in a table cell
  pattern(
    'markup.turn-cell',
    'prompt_markup',
    String.raw`^[ \t]*\|[ \t]*[*_]*${TURN_LABEL}[*_]*[ \t]*\|${ADDRESSES_MODEL}`,
    'm',
  ),
  pattern(
    'markup.turn-heading',
    'prompt_markup',
    String.raw`^[ \t]*#{1,6}[ \t]*[*_]*${TURN_LABEL}[*_]*[ \t]*:?[ \t]*\n${ADDRESSES_MODEL}`,
    'm',
  ),
  // "\n\nHuman: ... \n\nAssistant:" turns
  pattern(
    'markup.human-assistant',
    'prompt_markup',
    String.raw`(?:^|\n|#{2,}|\|)\s*(?:human|user)\s*:[^\n]*?(?:(?:\n[^\n]*){0,3}?\n|#{2,}|\|)\s*(?:assistant|ai)\s*:`,
  ),
  // {"role": "system", "content": ...} in JSON, Python or YAML, keys in either order
  pattern(
    'markup.role-object',
    'prompt_markup',
    String.raw`["'\\]*role["'\\]*\s*[:=]\s*["'\\]*${PRIVILEGED_ROLE}\b[\s\S]{0,300}?["'\\]*(?:content|text|parts|message)["'\\]*\s*[:=]|["'\\]*(?:content|text|parts)["'\\]*\s*[:=][\s\S]{0,300}?["'\\]*role["'\\]*\s*[:=]\s*["'\\]*${PRIVILEGED_ROLE}\b`,
  ),
  pattern(
    'markup.system-field',
    'prompt_markup',
    String.raw`[{,]\s*["'\\]*(?:system|system_prompt|system_message|developer_message)["'\\]*\s*:\s*["'\\]`,
  ),
];
