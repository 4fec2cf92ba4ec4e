import { RagfleetError } from '@ragfleet/errors';
import type {
  NumberedPassage,
  PromptTemplates,
  PromptValues,
  RenderedPrompt,
  SuggestPromptValues,
  SummaryPromptValues,
} from './ports.ts';

export interface PromptTemplate {
  version: string;
  system: string;
  user: string;
}

const PLACEHOLDER = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** One prompt's family: the placeholders its templates may name, and those its user section needs. */
export interface PromptFamily<Values> {
  name: string;
  placeholders: ReadonlyArray<keyof Values & string>;
  /** The user section must name each of these (the question, the messages to fold). */
  required: ReadonlyArray<keyof Values & string>;
}

export const RAG_ANSWER: PromptFamily<PromptValues> = {
  name: 'rag-answer',
  placeholders: ['context', 'passages', 'question'],
  required: ['question'],
};

/** A summary must be told its budget and must fold the previous summary in, never drop it. */
export const SESSION_SUMMARY: PromptFamily<SummaryPromptValues> = {
  name: 'session-summary',
  placeholders: ['previous_summary', 'messages', 'max_words'],
  required: ['previous_summary', 'messages', 'max_words'],
};

/** Suggestions must see the subject, the only actions allowed, their grounding and their limit. */
export const RECOMMEND_SUGGEST: PromptFamily<SuggestPromptValues> = {
  name: 'recommend-suggest',
  placeholders: ['subject', 'actions', 'passages', 'max_suggestions'],
  required: ['subject', 'actions', 'passages', 'max_suggestions'],
};

const SECTION = /^#\s+(system|user)\s*$/;

/**
 * A template file has a `# system` and a `# user` section; HTML comments are notes for the
 * people editing it and never reach the model.
 */
export function parseTemplate(
  version: string,
  text: string,
  family: { name: string; placeholders: readonly string[]; required: readonly string[] } = RAG_ANSWER,
): PromptTemplate {
  const known = new Set<string>(family.placeholders);
  const sections: Record<string, string[]> = {};
  let current: string[] | undefined;
  for (const line of text.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    const heading = SECTION.exec(line);
    if (heading?.[1]) {
      if (sections[heading[1]]) throw new Error(`prompt ${version}: section "# ${heading[1]}" appears twice`);
      current = sections[heading[1]] = [];
    } else current?.push(line);
  }
  const system = sections.system?.join('\n').trim();
  const user = sections.user?.join('\n').trim();
  if (!system || !user)
    throw new Error(`prompt ${version}: needs non-empty "# system" and "# user" sections`);
  for (const match of `${system}\n${user}`.matchAll(PLACEHOLDER)) {
    if (!known.has(match[1] ?? '')) throw new Error(`prompt ${version}: unknown placeholder ${match[0]}`);
  }
  for (const name of family.required) {
    if (!user.includes(`{{${name}}}`))
      throw new Error(`prompt ${family.name} ${version}: the user section must contain {{${name}}}`);
  }
  return { version, system, user };
}

/** Substitutes in one pass, so a question or passage that contains "{{context}}" stays literal text. */
function fill<Values>(text: string, values: Values): string {
  const named = values as Record<string, string | undefined>;
  return text.replace(PLACEHOLDER, (whole, name: string) => named[name] ?? whole);
}

/** The numbered source list the templates cite as [1], [2], ... */
export function formatContext(passages: NumberedPassage[]): string {
  if (passages.length === 0) return '(no sources were found for this question)';
  return passages
    .map((passage) => `[${passage.index}] ${passage.title || passage.documentId}\n${passage.text.trim()}`)
    .join('\n\n');
}

/** The versions of one prompt, with the default the deployment chose. */
export class PromptLibrary<Values = PromptValues> implements PromptTemplates<Values> {
  readonly defaultVersion: string;
  readonly #templates: Map<string, PromptTemplate>;

  constructor(templates: PromptTemplate[], defaultVersion: string) {
    this.#templates = new Map(templates.map((template) => [template.version, template]));
    if (!this.#templates.has(defaultVersion)) {
      throw new Error(
        `prompt version ${defaultVersion} does not exist (have: ${this.versions().join(', ') || 'none'})`,
      );
    }
    this.defaultVersion = defaultVersion;
  }

  versions(): string[] {
    return [...this.#templates.keys()].sort();
  }

  resolve(version: string | undefined): string {
    const chosen = version || this.defaultVersion;
    if (!this.#templates.has(chosen)) {
      throw new RagfleetError('INVALID_ARGUMENT', `unknown prompt version "${chosen}"`, {
        details: { field: 'prompt_version', allowed: this.versions() },
      });
    }
    return chosen;
  }

  render(version: string | undefined, values: Values): RenderedPrompt {
    const chosen = this.resolve(version);
    const template = this.#templates.get(chosen) as PromptTemplate;
    return { version: chosen, system: fill(template.system, values), user: fill(template.user, values) };
  }
}
