import { useState } from 'react';
import { Button, Field, Input, makeStyles, Spinner, Text, Title2, Title3, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, DocumentArrowDownRegular } from '@fluentui/react-icons';
import { useQuery } from '../../hooks/data';
import { BritishDateInput } from '../../components/BritishDateInput';
import { PaperPreview } from './PaperPreview';
import { PaperSaveState } from './PaperSaveState';
import { PaperSections } from './PaperSections';
import { previewModel } from './paper-draft';
import { usePaperDraft } from './usePaperDraft';
import { useSaveExport } from './useSaveExport';

const useStyles = makeStyles({
  top: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM, flexWrap: 'wrap' },
  title: { flexGrow: 1, margin: 0, minWidth: '240px' },
  columns: { display: 'grid', gridTemplateColumns: 'minmax(360px, 1fr) minmax(420px, 1fr)', gap: tokens.spacingHorizontalXXL, alignItems: 'start' },
  fields: { display: 'grid', gap: tokens.spacingVerticalM, marginBottom: tokens.spacingVerticalL },
  twoFields: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 180px', gap: tokens.spacingHorizontalM },
  agenda: { maxWidth: '180px' },
  preview: { position: 'sticky', top: 0 },
  previewHeading: { margin: `0 0 ${tokens.spacingVerticalS}` },
});

/**
 * The progress paper beside its live preview, edited as the publication paper is: the paragraphs the officer
 * writes, and any derived one (the findings with owner, status, RAG and latest update) put in their own words.
 */
export function ProgressPaperEditor({ id, onClose }: { id: string; onClose: () => void }) {
  const styles = useStyles();
  const detail = useQuery('progressPapers.get', { id });
  const settings = useQuery('settings.get', {});
  const { draft, state, setTitle, setDate, setAgendaItem, setParagraph, revertParagraph, overrideParagraph, flush } = usePaperDraft(id, detail.data, 'progress');
  const saveExport = useSaveExport();
  const [exporting, setExporting] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  if (detail.error) {
    return (
      <div>
        <Button icon={<ArrowLeftRegular />} onClick={onClose}>
          All papers
        </Button>
        <Title2 as="h1">Progress paper</Title2>
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
            await saveExport('progressPapers.export', { id });
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
              Progress paper on <strong>{data.about}</strong>: each finding’s owner, status, RAG and latest update come from the tracking, as it
              stands when the paper is opened or exported.
            </Text>
            <div className={styles.twoFields}>
              <Field label="Title" hint="Leave it empty for the title derived from the tracking.">
                <Input value={draft.title} placeholder={data.defaultTitle} onChange={(_e, d) => setTitle(d.value)} />
              </Field>
              <Field label="Date of the paper">
                <BritishDateInput value={draft.date} onChange={(date) => date && setDate(date)} />
              </Field>
            </div>
            <Field label="Agenda item" hint="Optional, e.g. 5.0" className={styles.agenda}>
              <Input value={draft.agendaItem} maxLength={20} onChange={(_e, d) => setAgendaItem(d.value)} />
            </Field>
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
