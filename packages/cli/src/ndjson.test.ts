import { describe, expect, it } from '@jest/globals';
import { NdjsonLineParser, readNdjson } from './ndjson.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('NdjsonLineParser', () => {
  it('returns each complete line as a value, keeping a partial line for later', () => {
    const parser = new NdjsonLineParser();
    expect(parser.push('{"type":"token","text":"a"}\n{"type":"tok')).toEqual([{ type: 'token', text: 'a' }]);
    expect(parser.push('en","text":"b"}\n')).toEqual([{ type: 'token', text: 'b' }]);
    expect(parser.flush()).toEqual([]);
  });

  it('skips blank lines and accepts CRLF endings', () => {
    const parser = new NdjsonLineParser();
    expect(parser.push('\n{"a":1}\r\n\r\n{"b":2}\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('keeps a multi-byte character split across chunks intact', () => {
    const encoded = bytes('{"text":"héllo ✓"}\n');
    const cut = encoded.indexOf(0xc3) + 1; // inside the two bytes of "é"
    const parser = new NdjsonLineParser();
    expect(parser.push(encoded.slice(0, cut))).toEqual([]);
    expect(parser.push(encoded.slice(cut))).toEqual([{ text: 'héllo ✓' }]);
  });

  it('yields a final line that has no newline at the end', () => {
    const parser = new NdjsonLineParser();
    expect(parser.push('{"a":1}\n{"b":2}')).toEqual([{ a: 1 }]);
    expect(parser.flush()).toEqual([{ b: 2 }]);
  });

  it('rejects a line that is not JSON, quoting it', () => {
    const parser = new NdjsonLineParser();
    expect(() => parser.push('{"a":1}\nnot json\n')).toThrow('invalid NDJSON line: not json');
  });
});

describe('readNdjson', () => {
  it('yields values from a chunked byte stream in order', async () => {
    async function* chunks() {
      yield bytes('{"n":1}\n{"n"');
      yield bytes(':2}\n');
      yield bytes('{"n":3}');
    }
    const values: unknown[] = [];
    for await (const value of readNdjson(chunks())) values.push(value);
    expect(values).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });
});
