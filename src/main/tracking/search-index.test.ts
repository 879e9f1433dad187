import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readIndexFile, writeIndexFile } from '../search/index-file';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import type { Annotation, Note } from '../../shared/domain/notes';
import { annotationDoc, findingDoc, noteDoc, reportDoc, SearchIndex } from './search-index';
import { BOARD_PAPER_2017, FINDINGS_2016, FINDINGS_2017, FINDINGS_2018_19, REPORT_2016, REPORT_2018_19 } from '../../../tests/fixtures/tracking/reports';
import { applyTrackingPatch } from './tracking-update';

const AT = '2019-06-12T11:00:00.000Z';
const tempDir = useTempDirs();

const annotation: Annotation = {
  id: 'a1',
  reportId: REPORT_2018_19.id,
  anchor: {
    start: 0,
    end: 10,
    page: null,
    quote: 'The force doesn’t yet fully comply with all elements of national vetting standards.',
  },
  prefix: '',
  suffix: '',
  note: 'Ask the Head of PSD for the backlog figures before the Gold Group.',
  tags: ['gold-group'],
  colour: 'yellow',
  createdAt: AT,
  updatedAt: AT,
};

const note: Note = {
  id: 'n1',
  text: 'Interview with the head of the demand hub.\nZoë Billingham asked about the 40 percent of crime investigated without deployment.',
  tags: ['fieldwork'],
  reportId: null,
  question: null,
  findingId: null,
  createdAt: AT,
  updatedAt: AT,
};

function build(): SearchIndex {
  const index = new SearchIndex();
  const owned = FINDINGS_2017.map((f) =>
    f.id === 'f17-grievance' ? { ...f, tracking: applyTrackingPatch(f.tracking, { owner: 'Head of Human Resources' }, 'me', AT) } : f,
  );
  index.addAll([
    ...[REPORT_2016, BOARD_PAPER_2017, REPORT_2018_19].map(reportDoc),
    ...[...FINDINGS_2016, ...owned, ...FINDINGS_2018_19].map(findingDoc),
    annotationDoc(annotation),
    noteDoc(note),
  ]);
  return index;
}

describe('SearchIndex', () => {
  const index = build();

  it('finds findings by their words, best first', () => {
    const hits = index.search('vetting');
    const ids = hits.map((h) => h.id);
    expect(ids).toEqual(expect.arrayContaining(['f16-rec-vetting', 'f17-vetting', 'f18-vetting', 'a1']));
    const f17 = hits.find((h) => h.id === 'f17-vetting');
    expect(f17).toMatchObject({ kind: 'finding', reportId: 'board-2017' });
    expect(f17?.title.startsWith('The force should ensure that it has a credible plan')).toBe(true);
  });

  it('matches the word being typed as a prefix', () => {
    expect(index.search('griev').map((h) => h.id)).toEqual(['f17-grievance']);
    expect(index.search('counter-corr').map((h) => h.id)).toEqual(
      expect.arrayContaining(['f16-strategic-assessment', 'f18-counter-corruption']),
    );
  });

  it('completes a word being typed even when it starts like a stop word', () => {
    expect(index.search('off').map((h) => h.id)).toEqual(['f18-neighbourhood-safeguarding']);
    // Followed by a space the word is finished, and "off" alone means nothing.
    expect(index.search('off ')).toEqual([]);
  });

  it('forgives a typo', () => {
    expect(index.search('wellbeeing').map((h) => h.id)).toContain('f16-wellbeing');
    expect(index.search('grievence process').map((h) => h.id)).toEqual(['f17-grievance']);
  });

  it('needs every word when it can, any word when it cannot', () => {
    // The 2018/19 vetting AFI and the annotation's note both speak of backlogs.
    expect(index.search('vetting backlogs').map((h) => h.id).sort()).toEqual(['a1', 'f18-vetting']);
    expect(index.search('vetting xylophone').length).toBeGreaterThan(0);
  });

  it('searches reports, owners, annotations with their quotes, and notes with accents dropped', () => {
    expect(index.search('2018/19', { kinds: ['report'] }).map((h) => h.id)).toEqual(['peel-2018-19']);
    expect(index.search('human resources').map((h) => h.id)).toContain('f17-grievance');
    const a = index.search('gold group backlog').find((h) => h.kind === 'annotation');
    expect(a).toMatchObject({ id: 'a1', reportId: 'peel-2018-19', title: 'Ask the Head of PSD for the backlog figures before the Gold Group.' });
    const n = index.search('zoe');
    expect(n).toHaveLength(1);
    expect(n[0]).toMatchObject({ kind: 'note', id: 'n1', reportId: null, title: 'Interview with the head of the demand hub.' });
  });

  it('shows a snippet around the match in a long text', () => {
    const [grievance] = index.search('audit trails');
    expect(grievance?.snippet.startsWith('…')).toBe(true);
    expect(grievance?.snippet).toContain('audit trails');
  });

  it('keeps to the kinds asked for and the limit', () => {
    expect(index.search('ensure', { limit: 5 })).toHaveLength(5);
    expect(index.search('ensure', { kinds: ['note'] })).toEqual([]);
    expect(index.search('   ')).toEqual([]);
  });

  it('replaces and removes documents', () => {
    const i = build();
    i.replace(noteDoc({ ...note, text: 'Stop and search scrutiny panel met on Tuesday.' }));
    expect(i.search('zoe')).toEqual([]);
    expect(i.search('scrutiny panel').map((h) => h.id)).toContain('n1');
    i.remove({ kind: 'note', id: 'n1' });
    expect(i.has('note', 'n1')).toBe(false);
    expect(i.search('scrutiny panel').map((h) => h.id)).not.toContain('n1');
    i.remove({ kind: 'note', id: 'n1' });
    i.add(noteDoc(note));
    i.add(noteDoc(note));
    expect(i.search('zoe')).toHaveLength(1);
    expect(i.size).toBe(3 + 26 + 2);
  });

  it('is written to a file and read back, describing hits from its records while the store has not loaded', async () => {
    const original = build();
    const file = join(await tempDir(), 'search.idx');
    await writeIndexFile(file, await original.toFile({ version: 1 }, true, async () => undefined));
    const read = await readIndexFile(file);
    expect(read?.meta).toMatchObject({ version: 1 });
    // No documents to look up: what a hit shows comes from the records in the file.
    const back = SearchIndex.fromFile(read!, { lookup: () => undefined });
    const shown = (i: SearchIndex, q: string) => i.search(q).map(({ kind, id, reportId, title, snippet }) => ({ kind, id, reportId, title, snippet }));
    for (const q of ['vetting', 'griev', 'wellbeeing', 'zoe', 'audit trails', 'gold group backlog']) expect(shown(back, q), q).toEqual(shown(original, q));
    expect(back.size).toBe(original.size);

    // A record changed on disk does not match the hash it was indexed with: that hit is left out, not shown wrong.
    back.closeDocstore();
    const bytes = await readFile(file);
    const at = bytes.indexOf('Ask the Head of PSD');
    bytes[at] = 'B'.charCodeAt(0);
    await writeFile(file, bytes);
    const damaged = SearchIndex.fromFile((await readIndexFile(file))!, { lookup: () => undefined });
    expect(damaged.search('gold group backlog').map((h) => h.id)).not.toContain('a1');
    expect(damaged.search('vetting').map((h) => h.id)).toContain('f18-vetting');
    damaged.closeDocstore();
    expect(damaged.search('vetting')).toEqual([]);
  });
});
