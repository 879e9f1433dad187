import { FIXTURES } from '../../../tests/helpers/fixtures';
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reviewCalls } from '../../shared/api/review';
import type { ApiContext } from '../api/context';
import { reviewHandlers } from '../api/handlers/review';
import { Store } from '../store/repository';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { importDocument } from './import-document';
import { weave } from './reextract';

const tempDir = useTempDirs();

type Review = typeof reviewCalls;

/** Runs a review call as the dispatcher would: input parsed by the contract, then the handler. */
async function run<K extends keyof Review>(store: Store, name: K, input: unknown) {
  const parsed = reviewCalls[name].input.parse(input);
  const handler = reviewHandlers[name] as (input: unknown, ctx: ApiContext) => Promise<unknown>;
  return handler(parsed, { store } as ApiContext) as ReturnType<(typeof reviewHandlers)[K]>;
}

async function the2016Report() {
  const store = await Store.open(await tempDir(), { skipDailyBackup: true });
  const name = 'peel-2016-legitimacy-web-report.txt';
  const { id } = await importDocument(store, name, await readFile(join(FIXTURES, name)));
  const doc = () => store.reportDoc(id)!;
  const finding = (start: string) => doc().findings.find((f) => f.text.startsWith(start))!;
  const judgment = (question: string | null) => doc().report.judgments.find((j) => j.question?.startsWith(question ?? '') ?? question === null)!;
  return { store, id, doc, finding, judgment };
}

const WORKFORCE = 'How well does the force ensure that its workforce behaves ethically';

describe('correcting an extracted report', () => {
  it('changes metadata and records each change with what it was', async () => {
    const { store, id, doc } = await the2016Report();
    const report = await run(store, 'reports.updateMeta', {
      id,
      changes: { title: 'PEEL 2016: Legitimacy', published: '2016-12-08', webAddress: 'https://www.justiceinspectorates.gov.uk/hmicfrs/' },
    });
    expect(report.title).toBe('PEEL 2016: Legitimacy');
    // published was already 8 December 2016 in the report ("Last updated 08/12/2016"), so it is not a change.
    expect(doc().report.corrections.map((c) => [c.target, c.field, c.from, c.to])).toEqual([
      ['report', 'title', 'Cambridgeshire PEEL 2016', 'PEEL 2016: Legitimacy'],
      ['report', 'webAddress', null, 'https://www.justiceinspectorates.gov.uk/hmicfrs/'],
    ]);
    await expect(run(store, 'reports.updateMeta', { id, changes: { aboutReportId: id } })).rejects.toMatchObject({ code: 'invalid-input' });
    await store.close();
  });

  it('corrects, adds and removes judgments', async () => {
    const { store, id, doc, judgment } = await the2016Report();
    const ethical = judgment(WORKFORCE);
    expect(ethical.grade).toBe('Requires improvement');
    await run(store, 'reports.updateJudgment', { id, judgmentId: ethical.id, changes: { grade: 'Inadequate' } });
    expect(judgment(WORKFORCE).grade).toBe('Inadequate');
    const added = await run(store, 'reports.addJudgment', {
      id,
      judgment: { pillar: 'Efficiency', question: null, grade: 'Good', lastInspected: '2016' },
    });
    expect(added.judgments).toHaveLength(5);
    await run(store, 'reports.removeJudgment', { id, judgmentId: judgment('To what extent does the force treat its workforce').id });
    expect(doc().report.judgments.map((j) => j.grade)).toEqual(['Good', 'Good', 'Inadequate', 'Good']);
    expect(doc().report.corrections.map((c) => c.field)).toEqual(['grade', 'added', 'removed']);
    await expect(run(store, 'reports.removeJudgment', { id, judgmentId: ethical.id + 'x' })).rejects.toMatchObject({ code: 'not-found' });
    await store.close();
  });

  it('adds a finding from a selected passage, anchored to it, in document order', async () => {
    const { store, id, doc } = await the2016Report();
    const { text } = await store.readText(doc().report.sha256);
    const passage = 'The force needs to ensure that its acting and temporary ranks receive the training and support they need to deal with sickness management effectively.';
    const start = text.indexOf(passage);
    const added = await run(store, 'reports.addFinding', {
      id,
      finding: { kind: 'area-for-improvement', text: passage, selection: { start, end: start + passage.length } },
    });
    expect(added).toMatchObject({ manual: true, order: 0, anchor: { start, end: start + passage.length, page: null, quote: passage } });
    expect(doc().findings.map((f) => f.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await expect(
      run(store, 'reports.addFinding', { id, finding: { kind: 'recommendation', text: 'x', selection: { start: 0, end: text.length + 5 } } }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await store.close();
  });

  it('splits a finding into two, each anchored to its own part of the passage', async () => {
    const { store, id, doc, finding } = await the2016Report();
    const original = finding('The force should improve how it clarifies');
    const at = original.text.indexOf(', in particular');
    const [head, tail] = await run(store, 'reports.splitFinding', { id, findingId: original.id, at });
    expect(head).toMatchObject({ id: original.id, text: 'The force should improve how it clarifies and reinforces standards of behaviour' });
    expect(tail.text).toBe(', in particular when dealing with vulnerable people, including victims of domestic abuse.');
    expect(tail.manual).toBe(true);
    expect(head.anchor!.quote + tail.anchor!.quote).toBe(original.anchor!.quote);
    expect(tail.order).toBe(head.order + 1);
    expect(doc().findings).toHaveLength(10);
    await expect(run(store, 'reports.splitFinding', { id, findingId: original.id, at: 500 })).rejects.toMatchObject({ code: 'invalid-input' });
    await store.close();
  });

  it('merges findings into the first, keeping its id and tracking, and refuses to lose another one’s tracking', async () => {
    const { store, id, doc, finding } = await the2016Report();
    const annually = finding('Annually, the force');
    const clarifies = finding('The force should improve how it clarifies');
    await store.updateReport(id, (draft) => {
      draft.findings.find((f) => f.id === annually.id)!.tracking.owner = 'Head of Professional Standards';
    });
    await expect(run(store, 'reports.mergeFindings', { id, findingIds: [annually.id, clarifies.id] })).resolves.toMatchObject({
      id: annually.id,
      text: `${annually.text}\n${clarifies.text}`,
      tracking: { owner: 'Head of Professional Standards' },
    });
    expect(doc().findings).toHaveLength(8);
    const wellbeing = finding('The force should ensure that its supervisors');
    await store.updateReport(id, (draft) => {
      draft.findings.find((f) => f.id === wellbeing.id)!.tracking.rag = 'Amber';
    });
    // Findings join in report order, so the later, tracked one would be merged away.
    await expect(run(store, 'reports.mergeFindings', { id, findingIds: [wellbeing.id, annually.id] })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await store.close();
  });

  it('removes a finding and any link to it', async () => {
    const { store, id, doc, finding } = await the2016Report();
    const wellbeing = finding('The force should ensure that its supervisors');
    const other = finding('Annually');
    await store.updateIndex((draft) => {
      draft.links.push({ id: 'l1', earlierId: other.id, laterId: wellbeing.id, state: 'suggested', score: 0.9, at: new Date().toISOString() });
    });
    await run(store, 'reports.removeFinding', { id, findingId: wellbeing.id });
    expect(doc().findings.map((f) => f.id)).not.toContain(wellbeing.id);
    expect(store.index.links).toEqual([]);
    await store.close();
  });
});

describe('checking items the extractor was unsure of', () => {
  it('marks a finding and a judgment as checked: confidence 1, recorded with the extractor’s figure, kept through re-extraction', async () => {
    const { store, id, doc, finding, judgment } = await the2016Report();
    const wellbeing = finding('The force should ensure that its supervisors');
    const workforce = judgment(WORKFORCE);
    // As the extractor will set them for items it read from a sentence.
    await store.updateReport(id, (draft) => {
      Object.assign(draft.findings.find((f) => f.id === wellbeing.id)!, { foundBy: 'sentence', confidence: 0.55 });
      Object.assign(draft.report.judgments.find((j) => j.id === workforce.id)!, { foundBy: 'sentence', confidence: 0.6 });
    });

    const checked = await run(store, 'reports.markChecked', { id, item: { type: 'finding', id: wellbeing.id } });
    expect(checked).toMatchObject({ id: wellbeing.id, confidence: 1, foundBy: 'sentence' });
    await run(store, 'reports.markChecked', { id, item: { type: 'judgment', id: workforce.id } });
    expect(doc().report.corrections.map((c) => [c.target, c.field, c.from, c.to])).toEqual([
      [`finding:${wellbeing.id}`, 'confidence', 0.55, 1],
      [`judgment:${workforce.id}`, 'confidence', 0.6, 1],
    ]);
    // Checking again changes nothing and records nothing.
    await run(store, 'reports.markChecked', { id, item: { type: 'finding', id: wellbeing.id } });
    expect(doc().report.corrections).toHaveLength(2);

    await run(store, 'reports.reextract', { id });
    expect(doc().findings.find((f) => f.id === wellbeing.id)?.confidence).toBe(1);
    expect(doc().report.judgments.find((j) => j.id === workforce.id)?.confidence).toBe(1);
    await expect(run(store, 'reports.markChecked', { id, item: { type: 'finding', id: 'gone' } })).rejects.toMatchObject({ code: 'not-found' });
    await store.close();
  });
});

describe('re-extracting a corrected report', () => {
  it('keeps every correction, the officer’s findings and the tracking of findings found again', async () => {
    const { store, id, doc, finding, judgment } = await the2016Report();
    const before = doc();
    const ids = new Map(before.findings.map((f) => [f.text, f.id]));

    await run(store, 'reports.updateMeta', { id, changes: { title: 'PEEL 2016: Legitimacy', force: null } });
    await run(store, 'reports.updateJudgment', { id, judgmentId: judgment(WORKFORCE).id, changes: { grade: 'Inadequate' } });
    await run(store, 'reports.removeJudgment', { id, judgmentId: judgment('To what extent does the force treat its workforce').id });
    const vetting = finding('ensure it complies with all aspects');
    await run(store, 'reports.updateFinding', { id, findingId: vetting.id, changes: { text: 'Comply with national vetting guidance.', carriedOver: true } });
    const manual = await run(store, 'reports.addFinding', { id, finding: { kind: 'recommendation', text: 'Brief the Gold Group monthly.' } });
    const [, splitOff] = await run(store, 'reports.splitFinding', { id, findingId: finding('The force should improve how it clarifies').id, at: 20 });
    await run(store, 'reports.mergeFindings', { id, findingIds: [finding('Annually').id, finding('review the capacity').id] });
    await run(store, 'reports.removeFinding', { id, findingId: finding('The force should ensure that its supervisors').id });
    await store.updateReport(id, (draft) => {
      draft.findings.find((f) => f.id === vetting.id)!.tracking.owner = 'Vetting manager';
    });
    const corrected = structuredClone(doc());

    const summary = await run(store, 'reports.reextract', { id });
    const after = doc();

    expect(after.report.title).toBe('PEEL 2016: Legitimacy');
    expect(after.report.force).toBeNull();
    expect(summary.fieldsKept.sort()).toEqual(['force', 'title']);
    expect(summary.fieldsUpdated).toEqual([]);
    expect(judgment(WORKFORCE).grade).toBe('Inadequate');
    expect(after.report.judgments.map((j) => j.question?.slice(0, 30) ?? null)).toEqual([
      null,
      'To what extent does the force ',
      'How well does the force ensure',
    ]);
    expect(summary.judgments).toEqual({ added: 0, removed: 0, kept: 0, updated: 0 });

    expect(after.findings.find((f) => f.id === vetting.id)).toMatchObject({
      text: 'Comply with national vetting guidance.',
      carriedOver: true,
      tracking: { owner: 'Vetting manager' },
    });
    expect(after.findings.find((f) => f.id === manual.id)?.text).toBe('Brief the Gold Group monthly.');
    expect(after.findings.find((f) => f.id === splitOff.id)?.manual).toBe(true);
    // Everything is as the officer left it: no finding came back, none was lost.
    expect(after.findings.map((f) => [f.id, f.text])).toEqual(corrected.findings.map((f) => [f.id, f.text]));
    expect(summary.findings).toEqual({ matched: 7, added: 0, removed: 0, keptManual: 2, keptNotFound: 0, stillRemoved: 2 });
    expect(summary.lines).toContain('2 findings you removed stay removed.');

    // Uncorrected findings kept their ids through the round trip.
    const firstAfi = 'The force should improve how it identifies and understands the issues that have the greatest impact on public perceptions of fair and respectful treatment.';
    expect(after.findings.find((f) => f.text === firstAfi)?.id).toBe(ids.get(firstAfi));
    await store.close();
  });

  it('restores extracted values that were changed without a correction, and drops findings no longer found unless tracked', async () => {
    const { store, id, doc } = await the2016Report();
    await store.updateReport(id, (draft) => {
      draft.report.published = null;
      draft.report.judgments = draft.report.judgments.slice(0, 2);
      draft.findings.push({ ...structuredClone(draft.findings[0]!), id: 'stale', text: 'A finding the source never had.', order: 9 });
      draft.findings.push({
        ...structuredClone(draft.findings[0]!),
        id: 'stale-tracked',
        text: 'Another one, with an owner.',
        order: 10,
        tracking: { ...draft.findings[0]!.tracking, owner: 'DCC' },
      });
    });
    const summary = await run(store, 'reports.reextract', { id });
    expect(doc().report.published).toBe('2016-12-08');
    expect(summary.fieldsUpdated).toEqual(['published']);
    expect(summary.judgments.added).toBe(2);
    expect(doc().findings.map((f) => f.id)).not.toContain('stale');
    expect(doc().findings.map((f) => f.id)).toContain('stale-tracked');
    expect(summary.findings).toMatchObject({ matched: 9, removed: 1, keptNotFound: 1 });
    await store.close();
  });
});

describe('weave', () => {
  it('puts a kept item back after the item that preceded it', () => {
    const item = (id: string) => ({ id });
    const old = ['a', 'm1', 'b', 'c', 'm2'].map(item);
    const next = ['a', 'b', 'x', 'c'].map(item);
    expect(weave(old, next, (i) => i.id.startsWith('m')).map((i) => i.id)).toEqual(['a', 'm1', 'b', 'x', 'c', 'm2']);
    expect(weave([item('m0'), item('a')], [item('a')], (i) => i.id === 'm0').map((i) => i.id)).toEqual(['m0', 'a']);
  });
});
