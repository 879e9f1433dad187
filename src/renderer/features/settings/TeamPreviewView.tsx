import { Text } from '@fluentui/react-components';
import type { TeamPreview } from '../../../shared/api/sync';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What joining the team database will change here, before anything changes. */
export function TeamPreviewView({ preview }: { preview: TeamPreview }) {
  const lines: string[] = [];
  if (!preview.teamReports && !preview.download.length) lines.push('The team database is empty: this store will be uploaded to it.');
  if (preview.download.length) lines.push(`${count(preview.download.length, 'report')} will be downloaded: ${preview.download.slice(0, 5).join('; ')}${preview.download.length > 5 ? '; …' : ''}.`);
  if (preview.upload.length) lines.push(`${count(preview.upload.length, 'report')} of yours will be shared with the team.`);
  for (const m of preview.merge) {
    lines.push(
      m.findingsDiffering
        ? `“${m.title}” is in both: ${count(m.findingsDiffering, 'finding')} differ and will be merged field by field; where both differ, the later change is kept and the other goes into the finding’s history, flagged “changed by two people — check”.`
        : `“${m.title}” is in both and the same.`,
    );
  }
  if (preview.sameFile.length) lines.push(`${count(preview.sameFile.length, 'report')} you imported yourself the team also holds, under another id: yours stay on this computer only (${preview.sameFile.join('; ')}).`);
  if (preview.settingsDiffering.length) lines.push(`Team settings that differ from yours (the later change is kept): ${preview.settingsDiffering.join(', ')}.`);
  lines.push(
    preview.sharedNotes
      ? `${count(preview.sharedNotes, 'note')} you marked as shared will be shared; your other notes and annotations stay private.`
      : 'Your notes and annotations stay private unless you share them.',
  );
  lines.push(preview.roles.length ? `Your roles on the server: ${preview.roles.join(', ')}.` : 'You have no roles on the server beyond membership.');
  return (
    <ul aria-label="What joining will change" data-testid="team-preview">
      {lines.map((line) => (
        <li key={line}>
          <Text>{line}</Text>
        </li>
      ))}
    </ul>
  );
}
