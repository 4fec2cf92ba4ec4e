import { stemmer } from 'stemmer';

/** How text becomes index terms; the keyword index and its queries must share one. */
export interface AnalyzerOptions {
  lowercase: boolean;
  /** Drop common English function words (they carry no topic and inflate posting lists). */
  stopWords: boolean;
  /** Porter stemming, so "flows", "flowing" and "flow" meet on one term. */
  stemming: boolean;
  /** Tokens shorter than this are dropped. */
  minTokenLength: number;
}

export const DEFAULT_ANALYZER: AnalyzerOptions = {
  lowercase: true,
  stopWords: true,
  stemming: true,
  minTokenLength: 1,
};

export type Analyzer = (text: string) => string[];

// Letters and digits in any script; everything else separates tokens.
const TOKEN = /[\p{L}\p{N}]+/gu;

/** A common English stop list (the SMART list's most frequent words). */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have ' +
    'having he her here hers herself him himself his how i if in into is it its itself just me more most my ' +
    'myself no nor not now of off on once only or other our ours ourselves out over own same she should so ' +
    'some such than that the their theirs them themselves then there these they this those through to too ' +
    'under until up very was we were what when where which while who whom why will with would you your ' +
    'yours yourself yourselves also may must shall might upon whether us'
  ).split(' '),
);

export function createAnalyzer(options: AnalyzerOptions): Analyzer {
  return (text) => {
    const terms: string[] = [];
    for (const match of text.matchAll(TOKEN)) {
      let token = match[0];
      if (options.lowercase) token = token.toLowerCase();
      if (token.length < options.minTokenLength) continue;
      if (options.stopWords && ENGLISH_STOP_WORDS.has(token.toLowerCase())) continue;
      if (options.stemming) token = stemmer(token);
      terms.push(token);
    }
    return terms;
  };
}

/** Identifies an analyzer configuration: a persisted index built with another one is stale. */
export function analyzerSignature(options: AnalyzerOptions, titleWeight: number): string {
  return JSON.stringify({ ...options, titleWeight });
}
