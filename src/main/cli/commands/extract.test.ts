import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../../../tests/helpers/cli';
import { CORPUS_DIR } from '../../../../tests/helpers/corpus';

describe('liaison extract', () => {
  it('keeps the contract’s shape and gives every judgment and finding addressee, due, confidence and foundBy', async () => {
    const { code, out, err } = await cli(['extract', join(CORPUS_DIR, 'thematic-2024-vetting.pdf')]);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const result = JSON.parse(out) as Record<string, unknown> & { findings: Array<Record<string, unknown>>; judgments: unknown[] };
    expect(Object.keys(result)).toEqual(['kind', 'force', 'inspectorate', 'title', 'programme', 'inspectionType', 'period', 'published', 'judgments', 'findings', 'quotes', 'statedChanges']);
    expect(result.findings[0]).toMatchObject({
      kind: 'recommendation',
      addressee: 'chief constables',
      due: '2025-03-31',
      foundBy: 'heading',
      confidence: expect.any(Number),
      leadIn: null,
      carriedOver: false,
    });
    expect(result.findings.at(-1)).toMatchObject({ kind: 'area-for-improvement', addressee: 'forces', due: null });
  });

  it('gives a judgment the same four keys, addressee and due null', async () => {
    const { out } = await cli(['extract', join(CORPUS_DIR, 'press-2024-harrowfield.txt')]);
    const { judgments, kind } = JSON.parse(out) as { kind: string; judgments: Array<Record<string, unknown>> };
    expect(kind).toBe('press-release');
    expect(judgments.length).toBeGreaterThan(5);
    for (const j of judgments) {
      expect(Object.keys(j)).toEqual(['pillar', 'question', 'grade', 'lastInspected', 'anchor', 'foundBy', 'confidence', 'addressee', 'due']);
      expect(j).toMatchObject({ addressee: null, due: null, foundBy: 'sentence' });
    }
  });
});
