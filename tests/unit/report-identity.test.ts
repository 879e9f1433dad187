import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/fixtures';
import { readDocument } from '../../src/main/ingest';
import { decodeFingerprint, disagreements, fingerprintText, isSameReport, textFingerprint, textSimilarity } from '../../src/shared/domain/report-identity';

const textOf = async (name: string) => (await readDocument(name, await readFile(join(FIXTURES, name)))).text;

/**
 * The text laid out as a PDF lays it out: lines of about 70 characters, one line break in eight hyphenating
 * the word it falls in, and every 50 lines a page number and a running header.
 */
function laidOut(text: string): string {
  const lines: string[] = [];
  let line = '';
  let count = 0;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length < 70) {
      line = line ? `${line} ${word}` : word;
      continue;
    }
    count++;
    if (count % 8 === 0 && word.length > 7) {
      lines.push(`${line} ${word.slice(0, 4)}-`);
      line = word.slice(4);
    } else {
      lines.push(line);
      line = word;
    }
    if (count % 50 === 0) lines.push('', String(count / 50 + 1), 'PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – Cambridgeshire Constabulary', '');
  }
  lines.push(line);
  return lines.join('\n');
}

const containment = (a: string, b: string) => textSimilarity(fingerprintText(a), fingerprintText(b)).containment;

describe('the text fingerprint', () => {
  it('knows the 2018/19 report in its PDF form and laid out with hyphens, page numbers and running headers', async () => {
    const text = await textOf('peel-2018-19-integrated-report.txt');
    expect(containment(text, await textOf('peel-2018-19-integrated-report.pdf'))).toBeGreaterThan(0.9);
    expect(containment(text, laidOut(text))).toBeGreaterThan(0.8);
  });

  it('knows the 2016 report as web text, HTML, Word and PDF', async () => {
    const text = await textOf('peel-2016-legitimacy-web-report.txt');
    for (const other of ['peel-2016-legitimacy-report.html', 'peel-2016-legitimacy-report.docx', 'peel-2016-legitimacy-report.pdf']) {
      expect(containment(text, await textOf(other)), other).toBeGreaterThan(0.9);
    }
  });

  it('tells apart documents of one force, though they share headings and stock phrases', async () => {
    const report2016 = await textOf('peel-2016-legitimacy-web-report.txt');
    // The press release of the same report quotes its findings; the 2017 board paper repeats its wording.
    for (const other of ['peel-2018-19-integrated-report.txt', 'hmic-2016-legitimacy-press-release.txt', 'board-paper-2018-01-peel-legitimacy-2017.txt']) {
      expect(containment(report2016, await textOf(other)), other).toBeLessThan(0.2);
    }
  });

  it('survives being stored: decoded, it compares as it did', async () => {
    const text = await textOf('peel-2016-legitimacy-web-report.txt');
    const stored = decodeFingerprint(textFingerprint(text));
    expect(stored).toEqual(fingerprintText(text));
    expect(decodeFingerprint('not a fingerprint')).toBeNull();
  });
});

describe('whether two documents are one report', () => {
  const details = { kind: 'inspection-report', force: 'Cambridgeshire Constabulary', programme: 'PEEL', period: '2018/19', inspectionType: 'Integrated' } as const;

  it('reads "Cambridgeshire Police" as the same force and "2018-19" as the same period, and unknown details as no objection', () => {
    expect(disagreements(details, { ...details, force: 'Cambridgeshire Police', period: '2018–19' })).toEqual([]);
    expect(disagreements(details, { ...details, force: null, programme: null })).toEqual([]);
    expect(disagreements(details, { ...details, period: '2017', kind: 'press-release' })).toEqual(['kind', 'period']);
  });

  it('needs largely the same text, and the same details unless the texts are all but identical', async () => {
    const text = await textOf('peel-2018-19-integrated-report.txt');
    const others = ['peel-2016-legitimacy-web-report.txt', 'hmic-2016-legitimacy-press-release.txt', 'hmi-assessment-transcript.txt', 'board-paper-2018-01-peel-legitimacy-2017.txt'];
    // Half the report and a quarter as much again of other text: about three quarters of it is the report.
    const half = [text.slice(0, Math.floor(text.length / 2)), ...(await Promise.all(others.map(textOf)))].join('\n');
    expect(containment(text, half)).toBeGreaterThan(0.6);
    expect(containment(text, half)).toBeLessThan(0.85);
    const whole = { ...details, fingerprint: textFingerprint(text) };
    // A file holding most of the report: the same report when the details agree, not when the period differs.
    expect(isSameReport(whole, { ...details, fingerprint: textFingerprint(half) })).toBe(true);
    expect(isSameReport(whole, { ...details, period: '2017', fingerprint: textFingerprint(half) })).toBe(false);
    // The same text whatever the extractor made of the period, but never a press release, whatever its text.
    expect(isSameReport(whole, { ...details, period: '2019', fingerprint: textFingerprint(laidOut(text)) })).toBe(true);
    expect(isSameReport(whole, { ...details, kind: 'press-release', fingerprint: whole.fingerprint })).toBe(false);
    // Without a fingerprint nothing is assumed.
    expect(isSameReport(whole, details)).toBe(false);
  });
});
