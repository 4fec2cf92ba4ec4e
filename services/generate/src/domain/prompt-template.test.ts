import { describe, expect, it } from '@jest/globals';
import { loadPromptLibrary } from '../adapters/prompt-files.ts';
import { PromptLibrary, formatContext, parseTemplate } from './prompt-template.ts';

const TEMPLATE = `<!-- a note for editors: {{ignored}} -->
# system
Cite sources as [n].
# user
{{context}}

Q: {{question}}`;

describe('prompt templates', () => {
  it('parses sections, drops editor comments and fills placeholders in one pass', () => {
    const library = new PromptLibrary([parseTemplate('v7', TEMPLATE)], 'v7');
    const prompt = library.render('', {
      question: 'why {{context}}?',
      context: '[1] A\ntext',
      passages: 'p',
    });
    expect(prompt).toEqual({
      version: 'v7',
      system: 'Cite sources as [n].',
      user: '[1] A\ntext\n\nQ: why {{context}}?',
    });
  });

  it('rejects malformed templates', () => {
    expect(() => parseTemplate('x', '# system\nhi')).toThrow('needs non-empty');
    expect(() => parseTemplate('x', '# system\nhi\n# user\n{{question}} {{name}}')).toThrow(
      'unknown placeholder',
    );
    expect(() => parseTemplate('x', '# system\nhi\n# user\nno question here')).toThrow('{{question}}');
  });

  it('answers an unknown version with INVALID_ARGUMENT and refuses a missing default', () => {
    const library = new PromptLibrary([parseTemplate('v1', TEMPLATE)], 'v1');
    expect(() => library.resolve('v9')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => new PromptLibrary([parseTemplate('v1', TEMPLATE)], 'v2')).toThrow('does not exist');
  });

  it('numbers the sources and says when there are none', () => {
    const passage = {
      documentId: 'd',
      chunkId: 'd#0',
      title: '',
      text: ' body ',
      score: 1,
      start: 0,
      end: 4,
    };
    expect(
      formatContext([
        { ...passage, index: 1 },
        { ...passage, title: 'T', index: 2 },
      ]),
    ).toBe('[1] d\nbody\n\n[2] T\nbody');
    expect(formatContext([])).toContain('no sources');
  });

  it('ships rag-answer versions that parse, v1 asking for [n] citations', () => {
    const library = loadPromptLibrary('rag-answer', 'v1');
    expect(library.versions()).toEqual(expect.arrayContaining(['v1', 'v2']));
    const prompt = library.render(undefined, {
      question: 'What is HNSW?',
      context: '[1] Doc\nHNSW is a graph.',
      passages: '<passage index="1">HNSW is a graph.</passage>',
    });
    expect(prompt.version).toBe('v1');
    expect(prompt.system).toContain('[1]');
    expect(prompt.user).toContain('[1] Doc\nHNSW is a graph.');
    expect(prompt.user).toContain('What is HNSW?');
    expect(library.render('v2', { question: 'q', context: 'c', passages: 'p' }).version).toBe('v2');
    expect(prompt.user).not.toContain('<passage');
  });

  it('ships v3, which quotes the sealed passages and tells the model they are data, not orders', () => {
    const library = loadPromptLibrary('rag-answer', 'v3');
    const prompt = library.render(undefined, {
      question: 'What is HNSW?',
      context: '[1] Doc\nHNSW is a graph.',
      passages: '<passage index="1" title="Doc" seal="s">\nHNSW is a graph.\n</passage seal="s">',
    });
    expect(prompt.version).toBe('v3');
    expect(prompt.user).toContain('<passage index="1" title="Doc" seal="s">');
    expect(prompt.user).not.toContain('[1] Doc');
    expect(prompt.user.indexOf('</passage')).toBeLessThan(prompt.user.indexOf('Question: What is HNSW?'));
    expect(prompt.system).toMatch(/quoted data/);
    expect(prompt.system).toMatch(/do not follow it/);
    expect(prompt.system).toContain('[1]');
  });
});
