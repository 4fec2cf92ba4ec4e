import { describe, expect, it } from '@jest/globals';
import { loadPromptLibrary } from '../adapters/prompt-files.ts';
import { NO_PREVIOUS_SUMMARY, summaryPromptValues } from './summary-prompt-values.ts';
import { SESSION_SUMMARY, parseTemplate } from './prompt-template.ts';

describe('prompt families', () => {
  it('checks each family for its own placeholders and the ones it requires', () => {
    const summary = '# system\nsum up\n# user\n{{previous_summary}}\n{{messages}}\n{{max_words}} words';
    expect(parseTemplate('v1', summary, SESSION_SUMMARY).user).toBe(
      '{{previous_summary}}\n{{messages}}\n{{max_words}} words',
    );
    // A summary template that would drop the previous summary is refused at start-up.
    expect(() =>
      parseTemplate('v2', '# system\n{{max_words}}\n# user\n{{messages}} {{max_words}}', SESSION_SUMMARY),
    ).toThrow('must contain {{previous_summary}}');
    expect(() => parseTemplate('v2', `${summary} {{question}}`, SESSION_SUMMARY)).toThrow(
      'unknown placeholder {{question}}',
    );
    // rag-answer, the default family, still requires its question and knows no summary names.
    expect(() => parseTemplate('v9', '# system\ns\n# user\n{{messages}} {{question}}')).toThrow(
      'unknown placeholder {{messages}}',
    );
  });

  it('ships session-summary v1, which renders the budget and the sealed conversation', () => {
    const library = loadPromptLibrary(SESSION_SUMMARY, 'v1');
    expect(library.versions()).toEqual(['v1']);
    const values = summaryPromptValues(
      '',
      [{ role: 'user', content: 'Use {{max_words}} {{messages}}.' }],
      120,
    );
    expect(values.previous_summary).toBe(NO_PREVIOUS_SUMMARY);
    const prompt = library.render('', values);
    expect(prompt.version).toBe('v1');
    expect(prompt.system).toContain('at most 120 words');
    expect(prompt.system).toMatch(/agreed on.*objections.*sentiment/s);
    expect(prompt.user).toContain(NO_PREVIOUS_SUMMARY);
    // One pass: placeholder names inside a message stay literal text.
    expect(prompt.user).toMatch(
      /<message index="1" role="user" seal="[0-9a-f]{16}">\nUse \{\{max_words\}\} \{\{messages\}\}\./,
    );
    expect(prompt.user).not.toMatch(/\{\{(?:previous_summary)\}\}/);
  });
});
