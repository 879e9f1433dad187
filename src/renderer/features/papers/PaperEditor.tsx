import { useState } from 'react';
import { Button, Field, Input, makeStyles, Select, Spinner, Text, Title2, Title3, tokens } from '@fluentui/react-components';
import type { QuoteChoice } from '../../../shared/domain/paper';
import { ArrowLeftRegular, DocumentArrowDownRegular } from '@fluentui/react-icons';
import { useQuery } from '../../hooks/data';
import { formatDate } from '../../format';
import { BritishDateInput } from '../../components/BritishDateInput';
import { PaperSaveState } from './PaperSaveState';
import { PaperSections } from './PaperSections';
import { PaperPreview } from './PaperPreview';
import { previewModel } from './paper-draft';
import { usePaperDraft } from './usePaperDraft';
import { useSaveExport } from './useSaveExport';
import { WebAddressField } from './WebAddressField';

const useStyles = makeStyles({
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM, flexWrap: 'wrap' },
  title: { flexGrow: 1, margin: 0, minWidth: '240px' },
  columns: { display: 'grid', gridTemplateColumns: 'minmax(360px, 1fr) minmax(420px, 1fr)', gap: tokens.spacingHorizontalXXL, alignItems: 'start' },
  fields: { display: 'grid', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
  twoFields: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 180px', gap: tokens.spacingHorizontalM },
  select: { width: '100%', minWidth: 0, '& select': { minWidth: 0, width: '100%', textOverflow: 'ellipsis' } },
  preview: { position: 'sticky', top: 0 },
  previewHeading: { margin: `0 0 ${tokens.spacingVerticalS}` },
});

/** The paper's editable parts beside a live preview of the whole paper; edits save themselves. */
export function PaperEditor({ id, onClose }: { id: string; onClose: () => void }) {
  const styles = useStyles();
  const detail = useQuery('papers.get', { id });
  const settings = useQuery('settings.get', {});
  const { draft, state, setTitle, setDate, setAgendaItem, setQuote, setParagraph, revertParagraph, overrideParagraph, flush } = usePaperDraft(id, detail.data);
  const saveExport = useSaveExport();
  const [exporting, setExporting] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  if (detail.error) {
    return (
      <div>
        <Button icon={<ArrowLeftRegular />} onClick={onClose}>
          All papers
        </Button>
        <Title2 as="h1">Board paper</Title2>
        <p role="alert">{detail.error}</p>
      </div>
    );
  }
  if (!detail.data || !draft) return <Spinner label="Opening the paper…" />;
  const data = detail.data;
  const model = previewModel(data, draft);

  return (
    <div>
      <div className={styles.top}>
        <Button icon={<ArrowLeftRegular />} onClick={onClose}>
          All papers
        </Button>
        <Title2 as="h1" className={styles.title}>
          {model.title}
        </Title2>
        <PaperSaveState state={state} />
        <Button
          appearance="primary"
          icon={<DocumentArrowDownRegular />}
          disabled={exporting}
          onClick={async () => {
            setExporting(true);
            await flush();
            await saveExport('papers.export', { id });
            setExporting(false);
          }}
        >
          Export .docx
        </Button>
      </div>
      <div className={styles.columns}>
        <div>
          <div className={styles.fields}>
            <Text>
              About <strong>{data.report.title}</strong>
              {data.report.published ? `, published ${formatDate(data.report.published)}` : ''}.
            </Text>
            <div className={styles.twoFields}>
              <Field label="Title" hint="Leave it empty for the title derived from the report.">
                <Input value={draft.title} placeholder={data.defaultTitle} onChange={(_e, d) => setTitle(d.value)} />
              </Field>
              <Field label="Date of the paper">
                <BritishDateInput value={draft.date} onChange={(date) => date && setDate(date)} />
              </Field>
            </div>
            <div className={styles.twoFields}>
              <Field label="Quote in 4.1" hint="HM Inspector’s words, the inspectorate’s summary, or none.">
                <Select className={styles.select} value={draft.quote} onChange={(_e, d) => setQuote(d.value as QuoteChoice)}>
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
                <Input value={draft.agendaItem} maxLength={20} onChange={(_e, d) => setAgendaItem(d.value)} />
              </Field>
            </div>
            <WebAddressField report={data.report} />
          </div>
          <PaperSections
            model={model}
            draft={draft}
            setParagraph={setParagraph}
            revertParagraph={revertParagraph}
            overrideParagraph={overrideParagraph}
            onFocusKey={setFocusKey}
          />
        </div>
        <section className={styles.preview} aria-labelledby="paper-preview-heading">
          <Title3 as="h2" id="paper-preview-heading" className={styles.previewHeading}>
            Preview
          </Title3>
          <PaperPreview model={model} logo={settings.data?.includeLogo !== false} focusKey={focusKey} />
        </section>
      </div>
    </div>
  );
}
