import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from './ids';

/**
 * A board paper in the store: which report it is about and the officer's edits. Everything derived
 * from data is rebuilt from the report each time; `paragraphs` holds only the text the officer wrote
 * or changed, keyed by paragraph key (e.g. "4.3").
 */
/**
 * Which quote 4.1 carries: "auto" (the report's own summary quote, else the inspectorate's summary paragraph),
 * "summary" (the inspectorate's summary paragraph), "none", or "quote:<id>", one of the quotes extracted from
 * the report or a supporting document about it (HM Inspector's words in the press release).
 */
export const QuoteChoice = z.union([z.enum(['auto', 'summary', 'none']), z.string().regex(/^quote:[A-Za-z0-9_-]{1,64}$/)]);
export type QuoteChoice = z.infer<typeof QuoteChoice>;

export const BoardPaper = z.object({
  id: Id,
  reportId: Id,
  title: z.string(),
  date: IsoDate,
  paragraphs: z.record(z.string(), z.string()),
  /** For each paragraph in `paragraphs`, the derived text it was written against (to warn when the data changes). */
  overrideBases: z.record(z.string(), z.string()).optional(),
  /** The board's agenda item ("4.0"); absent or empty for none. */
  agendaItem: z.string().optional(),
  /** The quote in 4.1; absent means "auto". */
  quote: QuoteChoice.optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type BoardPaper = z.infer<typeof BoardPaper>;

/** The force's own logo, as stored in the data folder (sources/<sha256>): always a PNG or a JPEG, an SVG rasterised. */
export const ForceLogo = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  type: z.enum(['png', 'jpg']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** The file the officer chose, and what it was (an SVG is kept only as the picture made from it). */
  fileName: z.string(),
  from: z.enum(['png', 'jpg', 'svg']),
});
export type ForceLogo = z.infer<typeof ForceLogo>;

/**
 * Settings belong to the team (shared when working as a team) unless a field carries
 * `.meta({ sync: 'personal' })`, which keeps it on this computer.
 */
export const Settings = z.object({
  /** The officer's name, recorded against changes and progress updates. */
  userName: z.string().meta({ sync: 'personal' }),
  /** The officer's role, e.g. "HMICFRS Liaison Officer"; with the name it makes the contact officer. */
  userRole: z.string().optional().meta({ sync: 'personal' }),
  /** The officer has told the app who they are (the first-start questions); until then the app asks. */
  profileSet: z.boolean().optional().meta({ sync: 'personal' }),
  boardName: z.string(),
  author: z.string(),
  strapline: z.string(),
  contactOfficer: z.string(),
  forceName: z.string(),
  /** Where progress on findings is monitored, for paragraph 4.6. */
  monitoringForum: z.string(),
  oversight: z.string(),
  /** Whether board papers carry the logo in resources/ in their header; absent (older stores) means yes. */
  includeLogo: z.boolean().optional(),
  /** The force's own logo for board papers; absent or null means the app's placeholder shield. */
  logo: ForceLogo.nullable().optional(),
});
export type Settings = z.infer<typeof Settings>;
