import { Field, Input, makeStyles } from '@fluentui/react-components';
import { useQuery } from '../../hooks/data';
import { PaperEditorFrame } from './PaperEditorFrame';
import { previewModel } from './paper-draft';
import { usePaperDraft } from './usePaperDraft';
import { useSaveFile } from '../../hooks/useSaveFile';

const useStyles = makeStyles({
  agenda: { maxWidth: '180px' },
});

/**
 * The progress paper beside its live preview, edited as the publication paper is: the paragraphs the officer
 * writes, and any derived one (the findings with owner, status, RAG and latest update) put in their own words.
 */
export function ProgressPaperEditor({ id, onClose }: { id: string; onClose: () => void }) {
  const styles = useStyles();
  const detail = useQuery('progressPapers.get', { id });
  const paper = usePaperDraft(id, detail.data, 'progress');
  const saveFile = useSaveFile();
  const { data } = detail;
  const { draft } = paper;
  return (
    <PaperEditorFrame
      heading="Progress paper"
      error={detail.error}
      model={data && draft ? previewModel(data, draft) : null}
      paper={paper}
      intro={
        data && (
          <>
            Progress paper on <strong>{data.about}</strong>: each finding’s owner, status, RAG and latest update come from the tracking, as it
            stands when the paper is opened or exported.
          </>
        )
      }
      defaultTitle={data?.defaultTitle}
      titleHint="Leave it empty for the title derived from the tracking."
      onClose={onClose}
      onExport={() => saveFile('progressPapers.export', { id }, 'Exported')}
    >
      {draft && (
        <Field label="Agenda item" hint="Optional, e.g. 5.0" className={styles.agenda}>
          <Input value={draft.agendaItem} maxLength={20} onChange={(_e, d) => paper.setAgendaItem(d.value)} />
        </Field>
      )}
    </PaperEditorFrame>
  );
}
