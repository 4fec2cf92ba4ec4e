import { describe, expect, it } from '@jest/globals';
import { questionType } from './question-type.ts';

describe('questionType', () => {
  it('reads value questions and what they are about', () => {
    expect(questionType('Which port does the gateway listen on?')).toEqual({
      kind: 'value',
      focus: ['port'],
      wantsDefault: false,
    });
    expect(questionType('What is the default chunk size?')).toEqual({
      kind: 'value',
      focus: ['chunk', 'size'],
      wantsDefault: true,
    });
    expect(questionType('How many attempts before a job fails?').kind).toBe('value');
    expect(questionType('How long is a token valid by default?')).toMatchObject({
      kind: 'value',
      wantsDefault: true,
    });
  });

  it('reads how, why and what questions', () => {
    expect(questionType('How do I turn on synchronous logging?')).toEqual({
      kind: 'how',
      focus: [],
      wantsDefault: false,
    });
    expect(questionType('Why does a retried job not duplicate chunks?').kind).toBe('why');
    expect(questionType('What is the extractive answerer?')).toEqual({
      kind: 'what',
      focus: ['extractive', 'answerer'],
      wantsDefault: false,
    });
    expect(questionType('What does the base option add?').focus).toEqual(['base']);
    expect(questionType('What happens when a model fails?').focus).toEqual([]);
  });

  it('leaves a bare keyword query untyped', () => {
    expect(questionType('redis cache')).toEqual({ kind: 'other', focus: [], wantsDefault: false });
  });
});
