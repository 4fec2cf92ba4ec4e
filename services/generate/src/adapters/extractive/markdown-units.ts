import { splitSentences } from './sentences.ts';

/**
 * What the extractive answerer can quote from a passage: a sentence of prose, one table row read
 * with its header, or a code block kept as code. Each carries the headings it sits under as
 * context: they help decide what a unit is about, but a heading is never quoted as an answer.
 */
export type QuotableUnit =
  | { kind: 'sentence'; text: string; headings: string[] }
  | { kind: 'row'; text: string; headings: string[] }
  | { kind: 'code'; text: string; language: string; headings: string[] };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)/;
const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
/** Template tags (Liquid, Jekyll, Nunjucks: `{% tab %}`, `{{ site.x }}`), never content. */
const TEMPLATE_TAG = /\{%-?[\s\S]*?-?%\}|\{\{[\s\S]*?\}\}/g;
/** HTML comments and bare anchor or break tags that Markdown docs use for link targets. */
const HTML_NOISE = /<!--[\s\S]*?-->|<\/?(?:a|br|span|div|img|p|sup|sub|details|summary)\b[^>]*>/gi;

/** Inline Markdown as read aloud: links by their text, images dropped, emphasis markers gone. */
export function plainInline(text: string): string {
  return text
    .replace(TEMPLATE_TAG, '')
    .replace(HTML_NOISE, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^*_]+?)\1/g, '$2')
    .replace(/\\([[\]()*_|#`])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function cells(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  // A pipe inside backticks or escaped (`a \| b`) is content, not a cell border.
  const found: string[] = [];
  let current = '';
  let inCode = false;
  for (let i = 0; i < trimmed.length; i++) {
    const char = trimmed[i];
    if (char === '\\' && trimmed[i + 1] === '|') {
      current += '|';
      i++;
    } else if (char === '`') {
      inCode = !inCode;
      current += char;
    } else if (char === '|' && !inCode) {
      found.push(current);
      current = '';
    } else current += char;
  }
  found.push(current);
  return found.map((cell) => plainInline(cell));
}

const isTableLine = (line: string) =>
  /^\s*\|/.test(line) || (/\S\s*\|\s*\S/.test(line) && /^\s*\S/.test(line));

/**
 * A row as a sentence that keeps its header: "`CHUNK_SIZE` — used by: retrieve; default: 1000".
 * Without a header (the passage began below it) the cells are joined as they stand.
 */
function rowText(header: string[] | undefined, row: string[]): string {
  const [first = '', ...rest] = row;
  const pairs = rest
    .map((cell, i) => {
      if (cell === '') return '';
      const label = header?.[i + 1];
      return label ? `${label}: ${cell}` : cell;
    })
    .filter((part) => part !== '');
  if (pairs.length === 0) return first;
  return first === '' ? pairs.join('; ') : `${first} — ${pairs.join('; ')}`;
}

/** Reads Markdown (or plain text) into quotable units, in document order. */
export function markdownUnits(text: string): QuotableUnit[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const units: QuotableUnit[] = [];
  const headings: string[] = [];
  let paragraph: string[] = [];

  const context = () => headings.filter((heading) => heading !== '');
  const flushParagraph = () => {
    const prose = paragraph.join('\n');
    paragraph = [];
    // Short statements stay ("Default: `5`"): under their heading they answer a question.
    for (const sentence of splitSentences(prose.replace(TEMPLATE_TAG, ''), 1)) {
      const plain = plainInline(sentence);
      if (plain !== '') units.push({ kind: 'sentence', text: plain, headings: context() });
    }
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      flushParagraph();
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? '').trimStart().startsWith(marker); i++)
        body.push(lines[i] ?? '');
      const code = body.join('\n').replace(/^\n+|\s+$/g, '');
      if (code !== '')
        units.push({ kind: 'code', text: code, language: fence[2] ?? '', headings: context() });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flushParagraph();
      const level = heading[1]?.length ?? 1;
      headings.length = level - 1;
      headings[level - 1] = plainInline(heading[2] ?? '');
      continue;
    }
    if (isTableLine(line) && (TABLE_RULE.test(lines[i + 1] ?? '') || /^\s*\|/.test(line))) {
      flushParagraph();
      const start = i;
      let header: string[] | undefined;
      if (!TABLE_RULE.test(line) && TABLE_RULE.test(lines[i + 1] ?? '')) {
        header = cells(line);
        i += 2;
      }
      let end = i;
      for (; end < lines.length && isTableLine(lines[end] ?? ''); end++) {
        // A rule line here is where a chunk began: just below a header it does not have.
        if (TABLE_RULE.test(lines[end] ?? '')) continue;
        const text = rowText(header, cells(lines[end] ?? ''));
        if (text.split(' ').length >= 2) units.push({ kind: 'row', text, headings: context() });
      }
      // The loop's i++ moves past the table; a table of no rows still moves on by one line.
      i = Math.max(end, start + 1) - 1;
      continue;
    }
    if (line.trim() === '' || TABLE_RULE.test(line)) {
      flushParagraph();
      continue;
    }
    paragraph.push(line);
  }
  flushParagraph();
  return units;
}
