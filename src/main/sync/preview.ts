import type { TeamPreview } from '../../shared/api/sync';
import type { Store } from '../store/repository';
import { sameValue } from './canonical';
import type { Pouch } from './pouch';
import { isTeamDoc, type TeamDoc } from './team-doc';
import { readUnit, unitIdOf, type Sharing } from './units';

const title = (doc: TeamDoc) => String(doc.f['report.title']?.v ?? doc._id);

/**
 * What joining will change, from the team database as read into the local PouchDB and the store as it
 * is: reports to download, to upload, to merge (with how many findings differ), files imported on
 * both sides under different ids, and team settings that differ.
 */
export async function previewJoin(local: Pouch, store: Store, sharing: Sharing): Promise<Omit<TeamPreview, 'roles' | 'plainHttp'>> {
  const ids = await local.allDocs({ startkey: 'r:', endkey: 'r:\uffff' });
  const rootIds = ids.rows.map((r) => r.id).filter((id) => !id.includes('/'));
  const roots = rootIds.length ? await local.allDocs<TeamDoc>({ keys: rootIds, include_docs: true }) : { rows: [] };
  const team = roots.rows.flatMap((r) => (r.doc && isTeamDoc(r.doc) ? [r.doc] : []));
  const teamById = new Map(team.map((d) => [d._id, d]));
  const here = store.allReportDocs();
  const hereShas = new Map(here.map((d) => [d.report.sha256, d.report.id]));
  const teamShas = new Map(team.map((d) => [String(d.f['report.sha256']?.v), d._id]));

  const download = team.filter((d) => !store.reportDoc(d._id.slice(2)) && !hereShas.has(String(d.f['report.sha256']?.v))).map(title);
  const sameFile = here.filter((d) => !teamById.has(unitIdOf.report(d.report.id)) && teamShas.has(d.report.sha256)).map((d) => d.report.title);
  const upload = here.filter((d) => !teamById.has(unitIdOf.report(d.report.id)) && !teamShas.has(d.report.sha256)).map((d) => d.report.title);
  const merge: TeamPreview['merge'] = [];
  for (const doc of here.filter((d) => teamById.has(unitIdOf.report(d.report.id)))) {
    const unit = unitIdOf.report(doc.report.id);
    const mine = readUnit(store, unit, sharing) ?? new Map();
    const theirs = await local.allDocs<TeamDoc>({ startkey: `${unit}/`, endkey: `${unit}/\uffff`, include_docs: true });
    let differing = 0;
    for (const row of theirs.rows) {
      const t = row.doc;
      if (!t || !isTeamDoc(t) || t.kind !== 'findings') continue;
      const m = mine.get(t._id);
      if (!m || Object.entries(t.f).some(([path, stamp]) => m.fields[path] !== undefined && !sameValue(m.fields[path], stamp.v))) differing++;
    }
    merge.push({ title: doc.report.title, findingsDiffering: differing });
  }
  const index = await local.get<TeamDoc>('i').catch(() => null);
  const mineIndex = readUnit(store, 'i', sharing)?.get('i');
  const settingsDiffering =
    index && isTeamDoc(index) && mineIndex
      ? Object.entries(index.f)
          .filter(([path, stamp]) => path.startsWith('settings.') && mineIndex.fields[path] !== undefined && !sameValue(mineIndex.fields[path], stamp.v))
          .map(([path]) => path.slice('settings.'.length))
      : [];
  const sharedNotes = store.allNotes().filter((n) => n.shared === true || n.tags.some((t) => sharing.sharedTags.includes(t))).length;
  return { teamReports: team.length, download, upload, merge, sameFile, settingsDiffering, sharedNotes };
}
