import { describe, expect, it } from '@jest/globals';
import { markdownUnits, plainInline } from './markdown-units.ts';

describe('markdownUnits', () => {
  it('reads a table as rows that keep their header, under the headings above them', () => {
    const units = markdownUnits(
      '## Services\n\n| service | gRPC  | ops (`/metrics`) |\n| ------- | ----- | ---- |\n| gateway | — (HTTP 8080) | 9100 |\n| embed | 50051 | 9101 |',
    );
    expect(units).toEqual([
      { kind: 'row', text: 'gateway — gRPC: — (HTTP 8080); ops (`/metrics`): 9100', headings: ['Services'] },
      { kind: 'row', text: 'embed — gRPC: 50051; ops (`/metrics`): 9101', headings: ['Services'] },
    ]);
  });

  it('reads rows without their header (a chunk that began below it) as their cells', () => {
    expect(markdownUnits('| `CHUNK_SIZE` | retrieve | 1000 |')).toEqual([
      { kind: 'row', text: '`CHUNK_SIZE` — retrieve; 1000', headings: [] },
    ]);
  });

  it('reads a table that begins at its rule line (a chunk cut below the header) and moves on', () => {
    expect(markdownUnits('| --- | --- |\n| `KEY` | 5 |\n\nAfter the table.')).toEqual([
      { kind: 'row', text: '`KEY` — 5', headings: [] },
      { kind: 'sentence', text: 'After the table.', headings: [] },
    ]);
    expect(markdownUnits('| a | b |\n| --- | --- |\nNo rows follow.')).toEqual([
      { kind: 'sentence', text: 'No rows follow.', headings: [] },
    ]);
  });

  it('keeps a code block as code, lines and all, and never splits it into sentences', () => {
    const units = markdownUnits('Run it:\n\n```sh\npnpm install\npnpm start\n```\n');
    expect(units).toEqual([
      { kind: 'sentence', text: 'Run it:', headings: [] },
      { kind: 'code', text: 'pnpm install\npnpm start', language: 'sh', headings: [] },
    ]);
  });

  it('uses headings as context, never as text, and drops template tags, anchors and link targets', () => {
    const units = markdownUnits(
      '# API\n\n<a id="opt-level"></a>\n#### `level` (String)\n\n{% tab title="Node" %}\nDefault: `\'info\'`\n\nSee [the levels](#levels) for more. {{ site.note }}\n{% endtab %}',
    );
    expect(units).toEqual([
      { kind: 'sentence', text: "Default: `'info'`", headings: ['API', '`level` (String)'] },
      { kind: 'sentence', text: 'See the levels for more.', headings: ['API', '`level` (String)'] },
    ]);
  });

  it('splits prose into sentences and list items', () => {
    expect(
      markdownUnits('Chunks are embedded. Vectors go to HNSW.\n- a list item counts\n').map((u) => u.text),
    ).toEqual(['Chunks are embedded.', 'Vectors go to HNSW.', 'a list item counts']);
  });
});

describe('plainInline', () => {
  it('reads links by their text and drops emphasis, images and escapes', () => {
    expect(plainInline('**Note**: see [docs](x.md) ![logo](l.png) and a \\| pipe')).toBe(
      'Note: see docs and a | pipe',
    );
  });
});
