import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Select,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { BoardPaper } from '../../../shared/domain/paper';
import { useAction, useQuery } from '../../hooks/data';
import { formatDate } from '../../format';
import { useReportLabels } from '../reports/useReportLabels';
import { useFocusReturn } from '../../hooks/useFocusReturn';

/** "New paper": choose an inspection report; the paper is created with its derived wording and opened. */
export function NewPaperDialog({ onCreated }: { onCreated: (id: string) => void }) {
  const reports = useQuery('reports.list', {});
  const act = useAction();
  const [open, setOpen] = useState(false);
  useFocusReturn(open);
  const [reportId, setReportId] = useState('');
  const labels = useReportLabels();
  const choices = (reports.data ?? []).filter((r) => r.kind === 'inspection-report');
  const chosen = choices.some((r) => r.id === reportId) ? reportId : (choices[0]?.id ?? '');
  return (
    <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" icon={<AddRegular />}>
          New paper
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const result = await act('papers.create', { reportId: chosen }, 'Paper created');
            if (result.ok) {
              setOpen(false);
              onCreated((result.value as BoardPaper).id);
            }
          }}
        >
          <DialogBody>
            <DialogTitle>New board paper</DialogTitle>
            <DialogContent>
              {choices.length === 0 ? (
                <p>Import an inspection report first: a board paper is written about one.</p>
              ) : (
                <Field label="Report" hint="The paper’s grades, findings and dates are derived from this report and the force’s earlier ones.">
                  <Select value={chosen} onChange={(_e, d) => setReportId(d.value)}>
                    {choices.map((r) => (
                      <option key={r.id} value={r.id}>
                        {labels.get(r.id) ?? r.title}
                        {r.published ? ` (published ${formatDate(r.published)})` : ''}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary" disabled={!chosen}>
                Create paper
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
