import { describe, expect, it } from '@jest/globals';
import { analyzerSignature, createAnalyzer, DEFAULT_ANALYZER } from './analyzer.ts';

const plain = { lowercase: true, stopWords: false, stemming: false, minTokenLength: 1 };

describe('createAnalyzer', () => {
  it('splits on anything but letters and digits, in any script, and lower-cases', () => {
    expect(createAnalyzer(plain)('Mach-2 flow, über Düsen; 3.5 kg')).toEqual([
      'mach',
      '2',
      'flow',
      'über',
      'düsen',
      '3',
      '5',
      'kg',
    ]);
  });

  it('keeps case when asked', () => {
    expect(createAnalyzer({ ...plain, lowercase: false })('Boundary Layer')).toEqual(['Boundary', 'Layer']);
  });

  it('drops stop words only when enabled', () => {
    expect(createAnalyzer(plain)('the flow of the air')).toEqual(['the', 'flow', 'of', 'the', 'air']);
    expect(createAnalyzer({ ...plain, stopWords: true })('The flow of the air')).toEqual(['flow', 'air']);
  });

  it('stems with Porter so that inflections meet', () => {
    const analyze = createAnalyzer({ ...plain, stemming: true });
    expect(analyze('flows flowing flowed')).toEqual(['flow', 'flow', 'flow']);
    expect(analyze('layers heated')).toEqual(['layer', 'heat']);
  });

  it('drops tokens shorter than the minimum', () => {
    expect(createAnalyzer({ ...plain, minTokenLength: 2 })('a b jet 7 km')).toEqual(['jet', 'km']);
  });

  it('gives each configuration its own signature', () => {
    expect(analyzerSignature(DEFAULT_ANALYZER, 1)).toBe(analyzerSignature({ ...DEFAULT_ANALYZER }, 1));
    expect(analyzerSignature(DEFAULT_ANALYZER, 1)).not.toBe(analyzerSignature(DEFAULT_ANALYZER, 2));
    expect(analyzerSignature(DEFAULT_ANALYZER, 1)).not.toBe(
      analyzerSignature({ ...DEFAULT_ANALYZER, stemming: false }, 1),
    );
  });
});
