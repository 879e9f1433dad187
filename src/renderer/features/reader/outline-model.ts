import type { Finding } from '../../../shared/domain/finding';
import type { Judgment } from '../../../shared/domain/report';

export interface QuestionNode {
  question: string;
  judgment: Judgment | null;
  findings: Finding[];
}

export interface PillarNode {
  /** null holds judgments and findings the report does not place under a pillar. */
  pillar: string | null;
  judgment: Judgment | null;
  questions: QuestionNode[];
  /** Findings under the pillar but no particular question. */
  findings: Finding[];
}

/** Pillars → questions → findings, in the order the report first mentions each. */
export function outline(judgments: Judgment[], findings: Finding[]): PillarNode[] {
  const pillars: PillarNode[] = [];
  const pillarOf = (name: string | null) => {
    let node = pillars.find((p) => p.pillar === name);
    if (!node) {
      node = { pillar: name, judgment: null, questions: [], findings: [] };
      pillars.push(node);
    }
    return node;
  };
  const questionOf = (pillar: PillarNode, name: string) => {
    let node = pillar.questions.find((q) => q.question === name);
    if (!node) {
      node = { question: name, judgment: null, findings: [] };
      pillar.questions.push(node);
    }
    return node;
  };
  for (const j of judgments) {
    const pillar = pillarOf(j.pillar);
    if (j.question === null) pillar.judgment ??= j;
    else questionOf(pillar, j.question).judgment ??= j;
  }
  for (const f of [...findings].sort((a, b) => a.order - b.order)) {
    const pillar = pillarOf(f.pillar);
    if (f.question === null) pillar.findings.push(f);
    else questionOf(pillar, f.question).findings.push(f);
  }
  return pillars.sort((a, b) => (a.pillar === null ? 1 : 0) - (b.pillar === null ? 1 : 0));
}
