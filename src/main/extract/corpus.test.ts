import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_BELOW, Extraction } from '../../shared/domain/extraction';
import { corpusDocuments, sameFinding, sameJudgment, type CorpusDocument } from '../../../tests/helpers/corpus';
import type { DocumentText } from '../ingest/document-text';
import { readDocument } from '../ingest/read-document';
import { extract } from './extract';
import { summariseExtraction } from './summary';

/**
 * Every document of the corpus against the values written by hand beside it: metadata, every grade, every
 * finding with its addressee and deadline, and nothing more. The layout each document stands for is named
 * in its expected file; layout-specific checks follow in layouts.test.ts.
 */
const documents = corpusDocuments();
const read = new Map<string, Promise<DocumentText>>();
const textOf = (d: CorpusDocument): Promise<DocumentText> => {
  let doc = read.get(d.name);
  if (!doc) {
    doc = readDocument(basename(d.file), new Uint8Array(readFileSync(d.file)));
    read.set(d.name, doc);
  }
  return doc;
};

describe('the extraction corpus', () => {
  it('has at least 30 documents in every format', () => {
    expect(documents.length).toBeGreaterThanOrEqual(30);
    const formats = new Set(documents.map((d) => d.file.split('.').pop()));
    expect([...formats].sort()).toEqual(['docx', 'html', 'pdf', 'txt']);
  });

  for (const d of documents) {
    describe(`${d.name} — ${d.expected.layout.split(':')[0]}`, () => {
      it('reads what the document is', async () => {
        const e = extract(await textOf(d));
        expect(Extraction.parse(e)).toEqual(e);
        for (const field of ['kind', 'force', 'inspectorate', 'programme', 'inspectionType', 'period', 'published', 'title'] as const) {
          if (field in d.expected) expect(e[field], field).toBe(d.expected[field]);
        }
      });

      it('finds every grade written down, and no other', async () => {
        const e = extract(await textOf(d));
        const graded = e.judgments.filter((j) => j.grade !== null);
        for (const want of d.expected.judgments) {
          expect(graded.some((j) => sameJudgment(want, j)), `${want.question ?? want.pillar}: ${want.grade}`).toBe(true);
        }
        for (const got of graded) {
          expect(d.expected.judgments.some((want) => sameJudgment(want, got)), `unexpected ${got.question ?? got.pillar}: ${got.grade}`).toBe(true);
        }
      });

      it('finds every finding with its addressee and deadline, and no other', async () => {
        const e = extract(await textOf(d));
        expect(e.findings).toHaveLength(d.expected.findings.length);
        for (const want of d.expected.findings) {
          const got = e.findings.find((f) => sameFinding(want, f));
          expect(got, want.text).toBeDefined();
          if (want.addressee !== undefined) expect(got?.addressee ?? null, want.text).toBe(want.addressee);
          if (want.due !== undefined) expect(got?.due ?? null, want.text).toBe(want.due);
          if (want.question !== undefined) expect(got?.question, want.text).toBe(want.question);
        }
      });

      it('anchors every item to its exact characters and says how it was found and how sure it is', async () => {
        const doc = await textOf(d);
        const e = extract(doc);
        for (const item of [...e.judgments, ...e.findings]) {
          expect(item.anchor).not.toBeNull();
          expect(doc.text.slice(item.anchor?.start, item.anchor?.end)).toBe(item.anchor?.quote);
          if (doc.format === 'pdf') expect(item.anchor?.page).toBeGreaterThan(0);
          expect(item.foundBy).toMatch(/^(?:heading|table|list|sentence)$/);
          expect(item.confidence).toBeGreaterThan(0);
          expect(item.confidence).toBeLessThanOrEqual(1);
        }
        expect(summariseExtraction(e)).toMatch(/found|No judgments found/);
      });
    });
  }

  it('marks as ones to check only readings the extractor is unsure of', async () => {
    const unsure: string[] = [];
    for (const d of documents) {
      const e = extract(await textOf(d));
      for (const item of [...e.judgments, ...e.findings]) {
        if ((item.confidence ?? 1) < CHECK_BELOW) unsure.push(`${d.name}: ${'grade' in item ? `${item.question}` : item.text.slice(0, 40)} (${item.foundBy})`);
      }
    }
    // Two directives under an areas-for-improvement heading that do not open "The force should…".
    expect(unsure).toEqual([expect.stringMatching(/^joint-2023-custody-northmoor: Custody staff should/)]);
  });
});
