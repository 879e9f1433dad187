import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { QuoteChoice } from '../../../shared/domain/paper';
import { useQuery } from '../../hooks/data';
import { formatDate } from '../../format';
import { PaperEditorFrame } from './PaperEditorFrame';
import { previewModel } from './paper-draft';
import { usePaperDraft } from './usePaperDraft';
import { useSaveFile } from '../../hooks/useSaveFile';
import { WebAddressField } from './WebAddressField';

const useStyles = makeStyles({
  twoFields: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 180px', gap: tokens.spacingHorizontalM },
  select: { width: '100%', minWidth: 0, '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
});

/** A board paper on a report: its editable parts beside a live preview of the whole paper. */
export function PaperEditor({ id, onClose }: { id: string; onClose: () => void }) {
  const styles = useStyles();
  const detail = useQuery('papers.get', { id });
  const paper = usePaperDraft(id, detail.data);
  const saveFile = useSaveFile();
  const { data } = detail;
  const { draft } = paper;
  return (
    <PaperEditorFrame
      heading="Board paper"
      error={detail.error}
      model={data && draft ? previewModel(data, draft) : null}
      paper={paper}
      intro={
        data && (
          <>
            About <strong>{data.report.title}</strong>
            {data.report.published ? `, published ${formatDate(data.report.published)}` : ''}.
          </>
        )
      }
      defaultTitle={data?.defaultTitle}
      titleHint="Leave it empty for the title derived from the report."
      onClose={onClose}
      onExport={() => saveFile('papers.export', { id }, 'Exported')}
    >
      {data && draft && (
        <>
          <div className={styles.twoFields}>
            <Field label="Quote in 4.1" hint="HM Inspector’s words, the inspectorate’s summary, or none.">
              <Select className={styles.select} value={draft.quote} onChange={(_e, d) => paper.setQuote(d.value as QuoteChoice)}>
                <option value="auto">As the report gives it</option>
                {data.quoteOptions.map((q) => (
                  <option key={q.value} value={q.value}>
                    {q.label}: “{q.text.length > 70 ? `${q.text.slice(0, 70)}…` : q.text}”
                  </option>
                ))}
                <option value="none">No quote</option>
              </Select>
            </Field>
            <Field label="Agenda item" hint="Optional, e.g. 4.0">
              <Input value={draft.agendaItem} maxLength={20} onChange={(_e, d) => paper.setAgendaItem(d.value)} />
            </Field>
          </div>
          <WebAddressField report={data.report} />
        </>
      )}
    </PaperEditorFrame>
  );
}
