import type { Grade } from '../../shared/domain/grades';
import type { Report } from '../../shared/domain/report';
import type { FindingKind } from '../../shared/domain/extraction';
import type { Finding } from '../../shared/domain/finding';
import { newTracking } from '../../shared/domain/finding';

/**
 * The user's three documents as the store would hold them, written out by hand from reading
 * tests/fixtures: grades, last-inspected years and findings word for word. Shared by this folder's tests.
 */

function report(fields: Partial<Report> & Pick<Report, 'id' | 'title' | 'period'>): Report {
  return {
    kind: 'inspection-report',
    force: 'Cambridgeshire Constabulary',
    inspectorate: 'HMICFRS',
    programme: 'PEEL',
    inspectionType: null,
    published: null,
    webAddress: null,
    fileName: `${fields.id}.txt`,
    format: 'text',
    // Each report is its own file.
    sha256: Buffer.from(fields.id).toString('hex').padEnd(64, '0').slice(0, 64),
    size: 1,
    importedAt: '2024-01-01T09:00:00.000Z',
    aboutReportId: null,
    judgments: [],
    quotes: [],
    statedChanges: [],
    corrections: [],
    ...fields,
  };
}

let judgmentId = 0;
function judgment(pillar: string | null, question: string | null, grade: Grade | null, lastInspected: string | null = null) {
  judgmentId += 1;
  return { id: `j${judgmentId}`, pillar, question, grade, lastInspected, anchor: null };
}

export const REPORT_2016 = report({
  id: 'peel-2016',
  title: 'Cambridgeshire PEEL 2016 Legitimacy',
  period: '2016',
  inspectionType: 'Legitimacy',
  published: '08/12/2016',
  judgments: [
    judgment(null, null, 'Good'),
    judgment('Legitimacy', 'To what extent does the force treat all of the people it serves with fairness and respect?', 'Good'),
    judgment('Legitimacy', 'How well does the force ensure that its workforce behaves ethically and lawfully?', 'Requires improvement'),
    judgment('Legitimacy', 'To what extent does the force treat its workforce with fairness and respect?', 'Good'),
  ],
});

export const BOARD_PAPER_2017 = report({
  id: 'board-2017',
  kind: 'board-paper',
  title: 'An update on the publication of the PEEL Legitimacy report',
  period: '2017',
  inspectionType: 'Legitimacy',
  published: '16 January 2018',
  aboutReportId: 'peel-2017-legitimacy',
  statedChanges: [
    {
      question: 'To what extent does the force treat all of the people it serves with fairness and respect?',
      grade: 'Good',
      change: 'no-change',
      sinceYear: '2016',
      anchor: null,
    },
    {
      question: 'How well does the force ensure that its workforce behaves ethically and lawfully?',
      grade: 'Good',
      change: 'improved',
      sinceYear: '2016',
      anchor: null,
    },
    {
      question: 'To what extent does the force treat its workforce with fairness and respect?',
      grade: 'Good',
      change: 'no-change',
      sinceYear: '2016',
      anchor: null,
    },
  ],
});

export const REPORT_2018_19 = report({
  id: 'peel-2018-19',
  title: 'PEEL: Police effectiveness, efficiency and legitimacy 2018/19 – Cambridgeshire Constabulary',
  period: '2018/19',
  inspectionType: 'Integrated',
  judgments: [
    judgment('Effectiveness', null, 'Good'),
    judgment('Effectiveness', 'Preventing crime and tackling anti-social behaviour', 'Good', '2018/19'),
    judgment('Effectiveness', 'Investigating crime', 'Good', '2018/19'),
    judgment('Effectiveness', 'Protecting vulnerable people', 'Good', '2018/19'),
    judgment('Effectiveness', 'Tackling serious and organised crime', 'Good', '2016'),
    judgment('Effectiveness', 'Armed response capability', 'Ungraded', '2018/19'),
    judgment('Efficiency', null, 'Good'),
    judgment('Efficiency', 'Meeting current demands and using resources', 'Good', '2018/19'),
    judgment('Efficiency', 'Planning for the future', 'Good', '2018/19'),
    judgment('Legitimacy', null, 'Good'),
    judgment('Legitimacy', 'Fair treatment of the public', 'Good', '2017'),
    judgment('Legitimacy', 'Ethical and lawful workforce behaviour', 'Good', '2018/19'),
    judgment('Legitimacy', 'Fair treatment of the workforce', 'Good', '2017'),
  ],
});

type FindingSeed = {
  id: string;
  kind?: FindingKind;
  text: string;
  question: string | null;
  carriedOver?: boolean;
  leadIn?: string;
};

function findingsOf(r: Report, pillar: string | null, seeds: FindingSeed[]): Finding[] {
  return seeds.map((s, order) => ({
    id: s.id,
    reportId: r.id,
    order,
    manual: false,
    kind: s.kind ?? 'area-for-improvement',
    text: s.text,
    leadIn: s.leadIn ?? null,
    pillar,
    question: s.question,
    carriedOver: s.carriedOver ?? false,
    anchor: null,
    tracking: newTracking(),
  }));
}

const Q_PUBLIC_2016 = 'To what extent does the force treat all of the people it serves with fairness and respect?';
const Q_ETHICAL_2016 = 'How well does the force ensure that its workforce behaves ethically and lawfully?';
const Q_WORKFORCE_2016 = 'To what extent does the force treat its workforce with fairness and respect?';
const REC_LEAD_IN =
  'Cambridgeshire Constabulary, together with the other forces in the alliance (Bedfordshire Police and Hertfordshire Constabulary) should:';

export const FINDINGS_2016 = findingsOf(REPORT_2016, 'Legitimacy', [
  {
    id: 'f16-perceptions',
    text: 'The force should improve how it identifies and understands the issues that have the greatest impact on public perceptions of fair and respectful treatment.',
    question: Q_PUBLIC_2016,
  },
  {
    id: 'f16-strategic-assessment',
    text: 'Annually, the force should produce a local counter-corruption strategic assessment and control strategy, to identify risks to the force’s integrity.',
    question: Q_ETHICAL_2016,
  },
  {
    id: 'f16-standards',
    text: 'The force should improve how it clarifies and reinforces standards of behaviour, in particular when dealing with vulnerable people, including victims of domestic abuse.',
    question: Q_ETHICAL_2016,
  },
  {
    id: 'f16-concern',
    kind: 'cause-of-concern',
    text: 'The risks that HMIC identified in 2014 and the lack of progress of the recommendations, until recently following the collapse of a court case, is of serious concern.',
    question: Q_ETHICAL_2016,
  },
  {
    id: 'f16-rec-capacity',
    kind: 'recommendation',
    leadIn: REC_LEAD_IN,
    text: 'review the capacity and capability of its professional standards department and anti-corruption unit to ensure they can manage their work effectively;',
    question: Q_ETHICAL_2016,
  },
  {
    id: 'f16-rec-at-risk',
    kind: 'recommendation',
    leadIn: REC_LEAD_IN,
    text: 'establish and operate effective processes for identifying and managing individuals at risk of corruption;',
    question: Q_ETHICAL_2016,
  },
  {
    id: 'f16-rec-vetting',
    kind: 'recommendation',
    leadIn: REC_LEAD_IN,
    text: 'ensure it complies with all aspects of the current national guidelines for vetting; and',
    question: Q_ETHICAL_2016,
  },
  {
    id: 'f16-rec-policies',
    kind: 'recommendation',
    leadIn: REC_LEAD_IN,
    text: 'improve its workforce’s understanding of all corruption prevention policies.',
    question: Q_ETHICAL_2016,
  },
  {
    id: 'f16-wellbeing',
    text: 'The force should ensure that its supervisors can recognise and provide support with wellbeing issues.',
    question: Q_WORKFORCE_2016,
  },
]);

/** The board paper lists the 2017 AFIs without saying which question each belongs to. */
export const FINDINGS_2017 = findingsOf(BOARD_PAPER_2017, 'Legitimacy', [
  {
    id: 'f17-use-of-force',
    text: 'The force needs to ensure that its data for use of force (including body-worn video footage) is monitored by both an internal and an external group to provide oversight.',
    question: null,
  },
  {
    id: 'f17-vetting',
    text: 'The force should ensure that it has a credible plan to comply with all aspects of the national vetting standards by December 2018, in line with HMICFRS’ nationwide recommendation in 2016.',
    question: null,
  },
  {
    id: 'f17-ipcc-referral',
    text: 'The force should ensure that all allegations which meet the mandatory criteria for referral to the IPCC are so referred, and that it updates witnesses and subjects regularly.',
    question: null,
  },
  {
    id: 'f17-complaint-leaflets',
    text: 'The force should improve the quality and distribution of its printed information about how to make a complaint, in line with IPCC statutory guidance.',
    question: null,
  },
  {
    id: 'f17-grievance',
    text: 'The force should ensure that the grievance process complies with the Advisory, Conciliation and Arbitration Service codes of practice and guidance, particularly relating to timescales, records, audit trails, and updates and support to witnesses and workforce members who have raised a grievance.',
    question: null,
  },
  {
    id: 'f17-assessments',
    text: 'The force should ensure it develops and supports its supervisors and managers to conduct fair, effective and consistent assessments that support continuous professional development and manage poor performance, including establishing an effective quality assurance process.',
    question: null,
  },
]);

export const FINDINGS_2018_19 = [
  ...findingsOf(REPORT_2018_19, 'Effectiveness', [
    {
      id: 'f18-neighbourhood-strategy',
      text: 'The force should monitor the effectiveness of its newly launched neighbourhood policing strategy and consistently hold staff to account for delivering effective performance outcomes.',
      question: 'Preventing crime and tackling anti-social behaviour',
    },
    {
      id: 'f18-problem-solving',
      text: 'The force should evaluate and share problem-solving plans routinely to improve its approach to the prevention of crime and anti-social behaviour.',
      question: 'Preventing crime and tackling anti-social behaviour',
    },
    {
      id: 'f18-orders-powers',
      text: 'The force should take steps to make information more accessible to staff to improve its use of orders and powers to prevent crime and anti-social behaviour.',
      question: 'Preventing crime and tackling anti-social behaviour',
    },
    {
      id: 'f18-supervision',
      text: 'The force should ensure regular and active supervision of the quality and progress of investigations. This supervision should be properly recorded.',
      question: 'Investigating crime',
      carriedOver: true,
    },
    {
      id: 'f18-neighbourhood-safeguarding',
      text: 'The force should make better use of neighbourhood policing officers to support the ongoing safeguarding of vulnerable victims and manage the risks that high-harm perpetrators pose within communities.',
      question: 'Protecting vulnerable people',
    },
    {
      id: 'f18-prompt-calls',
      text: 'The force should ensure that it has sufficient resources available to respond appropriately to prompt (within one hour) calls for service, particularly for incidents of domestic abuse.',
      question: 'Protecting vulnerable people',
    },
  ]),
  ...findingsOf(REPORT_2018_19, 'Efficiency', [
    {
      id: 'f18-hr-team',
      text: 'The force should make sure that future recruitment and staff development are supported by a functional and adequately resourced human resources team.',
      question: 'Planning for the future',
    },
    {
      id: 'f18-skills-strategy',
      text: 'The force should develop a comprehensive skills strategy to identify what future capabilities its workforce will need.',
      question: 'Planning for the future',
    },
  ]),
  ...findingsOf(REPORT_2018_19, 'Legitimacy', [
    {
      id: 'f18-vetting',
      text: 'The force should ensure all staff have received at least the lowest level of vetting clearance for their roles and clear any backlogs ensuring it is fully compliant with the national vetting guidelines.',
      question: 'Ethical and lawful workforce behaviour',
    },
    {
      id: 'f18-abuse-of-position',
      text: 'The force should improve its workforce’s knowledge and understanding of the abuse of position for a sexual purpose.',
      question: 'Ethical and lawful workforce behaviour',
    },
    {
      id: 'f18-counter-corruption',
      text: 'The force should ensure that its counter-corruption unit has enough capability and capacity to counter corruption effectively and proactively.',
      question: 'Ethical and lawful workforce behaviour',
    },
  ]),
].map((f, order) => ({ ...f, order }));
