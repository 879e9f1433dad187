import type { ReaderDialog } from './reader-dialog';
import { ConfirmDialog } from './ConfirmDialog';
import { FindingDialog } from './FindingDialog';
import { JudgmentDialog } from './JudgmentDialog';
import { ReextractDialog } from './ReextractDialog';
import { useAction } from '../../hooks/data';
import { useFocusReturn } from '../../hooks/useFocusReturn';

/** Where focus goes after a dialog whose opener is gone (a removed or merged finding's row): the outline's current line. */
const outlineFocus = () =>
  document.querySelector<HTMLElement>('[data-testid="outline"] [aria-current="true"]') ?? document.querySelector<HTMLElement>('[data-testid="outline"] button');

const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

/** Opens whichever dialog the reader asked for and sends its change to main. */
export function ReaderDialogs({ reportId, dialog, setDialog, onDone, onClosed }: {
  reportId: string;
  dialog: ReaderDialog | null;
  setDialog: (dialog: ReaderDialog | null) => void;
  /** Called with the id of the item to show after a change (the new or changed finding). */
  onDone: (id: string | null) => void;
  /** Called as a dialog closes, saying whether its change was made. */
  onClosed?: (dialog: ReaderDialog, saved: boolean) => void;
}) {
  const act = useAction();
  useFocusReturn(dialog !== null, outlineFocus);
  if (!dialog) return null;
  const finish = (saved: boolean) => {
    onClosed?.(dialog, saved);
    setDialog(null);
  };
  const close = () => finish(false);
  switch (dialog.type) {
    case 'judgment': {
      const { judgment } = dialog;
      return (
        <JudgmentDialog
          judgment={judgment}
          onClose={close}
          onRemove={judgment ? () => setDialog({ type: 'remove-judgment', judgment }) : undefined}
          onSave={async (fields) => {
            const result = judgment
              ? await act('reports.updateJudgment', { id: reportId, judgmentId: judgment.id, changes: fields }, 'Judgment corrected')
              : await act('reports.addJudgment', { id: reportId, judgment: fields }, 'Judgment added');
            if (result.ok) finish(true);
          }}
        />
      );
    }
    case 'remove-judgment':
      return (
        <ConfirmDialog
          title="Remove this judgment?"
          message={`${dialog.judgment.question ?? dialog.judgment.pillar ?? 'The overall judgment'} (${dialog.judgment.grade ?? 'not graded'}) will be removed from this report. Reading the source again will not bring it back.`}
          confirm="Remove"
          onClose={close}
          onConfirm={async () => {
            const result = await act('reports.removeJudgment', { id: reportId, judgmentId: dialog.judgment.id }, 'Judgment removed');
            if (result.ok) finish(true);
          }}
        />
      );
    case 'finding': {
      const { finding } = dialog;
      return (
        <FindingDialog
          initial={finding}
          adding={false}
          onClose={close}
          onSave={async (changes) => {
            const result = await act('reports.updateFinding', { id: reportId, findingId: finding.id, changes }, 'Finding corrected');
            if (result.ok) finish(true);
          }}
          onSplit={async (at) => {
            const result = await act('reports.splitFinding', { id: reportId, findingId: finding.id, at }, 'Finding split in two');
            if (result.ok) {
              finish(true);
              onDone(result.value[1].id);
            }
          }}
        />
      );
    }
    case 'add-finding':
      return (
        <FindingDialog
          initial={dialog.draft}
          adding
          onClose={close}
          onSave={async (finding) => {
            const result = await act('reports.addFinding', { id: reportId, finding: { ...finding, selection: dialog.selection } }, 'Finding added');
            if (result.ok) {
              finish(true);
              onDone(result.value.id);
            }
          }}
        />
      );
    case 'remove-finding':
      return (
        <ConfirmDialog
          title="Remove this finding?"
          message={`“${shorten(dialog.finding.text)}” will be removed with its tracking. Reading the source again will not bring it back.`}
          confirm="Remove"
          onClose={close}
          onConfirm={async () => {
            const result = await act('reports.removeFinding', { id: reportId, findingId: dialog.finding.id }, 'Finding removed');
            if (result.ok) {
              finish(true);
              onDone(null);
            }
          }}
        />
      );
    case 'merge':
      return (
        <ConfirmDialog
          title={`Merge ${dialog.findings.length} findings?`}
          message="Their texts are joined, in report order, into the first one, which keeps its tracking; the others are removed."
          confirm="Merge"
          onClose={close}
          onConfirm={async () => {
            const result = await act('reports.mergeFindings', { id: reportId, findingIds: dialog.findings.map((f) => f.id) }, 'Findings merged');
            if (result.ok) {
              finish(true);
              onDone(result.value.id);
            }
          }}
        />
      );
    case 'reextract':
      return <ReextractDialog summary={dialog.summary} onClose={close} />;
  }
}
