import type { ExtractedJudgment } from '../../shared/domain/extraction';
import type { Anchorer } from './anchors';
import { areaName, isKnownArea, judgmentConfidence, pillarNamed } from './areas';
import { gradeOfCell } from './grade-text';
import type { Line } from './lines';
import { pillarHeading } from './vocabulary';

const YEAR_CELL = /^(?:19|20)\d{2}(?:\/\d{2}|[–-](?:19|20)?\d{2})?$/;
const NOT_A_NAME = /^(?:yes|no|n\/a|-|–|—|none|not inspected|not graded|ungraded|last inspected|grade|judg(?:e)?ment)$/i;
const NONE_IN_COLUMN = /^(?:no areas?\b.*|none\.?|-|–|—|n\/a)$/i;
const FORCE_NAME = /\b(?:police|constabulary|police service)$/i;

export interface TableJudgment {
  judgment: ExtractedJudgment;
  /** The row's area as the table names it; null for a row that grades a whole pillar. */
  question: string | null;
  pillar: string | null;
}

/**
 * Judgments in tables, two shapes: rows that name an area and give its grade (and perhaps the year it was
 * last inspected), under pillar rows that set the pillar; and tables whose header row is the grades, with
 * the areas given each grade listed in its column ("Our judgments" in 2021/22 and later).
 */
export function readJudgmentTables(lines: Line[], anchor: Anchorer): TableJudgment[] {
  const tables = new Map<number, Line[]>();
  for (const line of lines) {
    if (line.table === null) continue;
    const rows = tables.get(line.table) ?? [];
    rows.push(line);
    tables.set(line.table, rows);
  }
  const out: TableJudgment[] = [];
  for (const rows of tables.values()) {
    const header = rows.findIndex((row) => row.cells.filter((cell) => gradeOfCell(cell)).length >= 3);
    if (header >= 0) out.push(...gradeColumns(rows, header, anchor));
    else out.push(...gradeRows(rows, anchor));
  }
  return out;
}

function gradeColumns(rows: Line[], header: number, anchor: Anchorer): TableJudgment[] {
  const grades = rows[header]?.cells.map((cell) => gradeOfCell(cell)) ?? [];
  const out: TableJudgment[] = [];
  for (const row of rows.slice(header + 1)) {
    row.cells.forEach((cell, c) => {
      const grade = grades[c];
      if (!grade || !cell || NONE_IN_COLUMN.test(cell)) return;
      for (const name of cell.split(/\s*;\s*/).map(areaName).filter(Boolean)) {
        if (NONE_IN_COLUMN.test(name)) continue;
        const known = isKnownArea(name);
        out.push({
          question: name,
          pillar: null,
          judgment: {
            pillar: null,
            question: name,
            grade,
            lastInspected: null,
            anchor: anchor(row.start, row.end),
            foundBy: 'table',
            confidence: judgmentConfidence('table', known),
          },
        });
      }
    });
  }
  return out;
}

/**
 * Which column holds this report's grade when rows give several ("2023–25 grade | 2021/22 grade"): the one
 * whose header names the latest year; null to take a row's first grade.
 */
function currentGradeColumn(rows: Line[]): number | null {
  const header = rows.find((row) => !row.cells.some((cell) => gradeOfCell(cell)));
  if (!header) return null;
  let best: number | null = null;
  let latest = 0;
  header.cells.forEach((cell, c) => {
    const year = Number(/\b((?:19|20)\d{2})/.exec(cell)?.[1] ?? 0);
    if (year > latest && /grade|judg|rating|\b(?:19|20)\d{2}\b/i.test(cell)) {
      latest = year;
      best = c;
    }
  });
  return best;
}

function gradeRows(rows: Line[], anchor: Anchorer): TableJudgment[] {
  const out: TableJudgment[] = [];
  let pillar: string | null = null;
  const current = currentGradeColumn(rows);
  for (const row of rows) {
    const cells = row.cells.filter((cell) => cell);
    const named = cells.map((cell) => pillarHeading(cell) ?? pillarNamed(cell)).find((p) => p) ?? null;
    const grades = row.cells.map((cell) => gradeOfCell(cell));
    const grade = (current !== null ? grades[current] : null) ?? grades.find((g) => g) ?? null;
    if (!grade) {
      if (named) pillar = named;
      continue;
    }
    const name = cells.find((cell) => !gradeOfCell(cell) && !YEAR_CELL.test(cell) && !NOT_A_NAME.test(cell));
    if (!name || FORCE_NAME.test(name) || name.split(' ').length > 25) continue;
    const lastInspected = cells.find((cell) => YEAR_CELL.test(cell)) ?? null;
    const known = named !== null || isKnownArea(name);
    const found = { foundBy: 'table' as const, confidence: judgmentConfidence('table', known) };
    const range = anchor(row.start, row.end);
    if (named) {
      pillar = named;
      out.push({ question: null, pillar: named, judgment: { pillar: named, question: null, grade, lastInspected, anchor: range, ...found } });
    } else {
      const question = areaName(name);
      out.push({ question, pillar, judgment: { pillar, question, grade, lastInspected, anchor: range, ...found } });
    }
  }
  return out;
}
