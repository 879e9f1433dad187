import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Select } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import type { ProgressPaper } from '../../../shared/domain/progress-paper';
import { useAction, useQuery } from '../../hooks/data';
import { useReportLabels } from '../reports/useReportLabels';
import { useFocusReturn } from '../../hooks/useFocusReturn';

const EVERY_OPEN = 'open';

/** "New progress paper": on one inspection's findings, or on every finding still open; created with its derived wording and opened. */
export function NewProgressPaperDialog({ onCreated }: { onCreated: (id: string) => void }) {
  const reports = useQuery('reports.list', {});
  const act = useAction();
  const labels = useReportLabels();
  const [open, setOpen] = useState(false);
  useFocusReturn(open);
  const [about, setAbout] = useState('');
  // Reports whose findings are tracked: an inspection report, or a board paper listing an inspection the store does not hold.
  const choices = (reports.data ?? []).filter((r) => r.findingCount > 0);
  const chosen = about === EVERY_OPEN || choices.some((r) => r.id === about) ? about : (choices[0]?.id ?? EVERY_OPEN);
  return (
    <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<AddRegular />}>New progress paper</Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const result = await act('progressPapers.create', { reportId: chosen === EVERY_OPEN ? null : chosen }, 'Progress paper created');
            if (result.ok) {
              setOpen(false);
              onCreated((result.value as ProgressPaper).id);
            }
          }}
        >
          <DialogBody>
            <DialogTitle>New progress paper</DialogTitle>
            <DialogContent>
              <Field label="Progress against" hint="Each finding’s owner, status, RAG and latest update are taken from the tracking, as it stands.">
                <Select value={chosen} onChange={(_e, d) => setAbout(d.value)}>
                  {choices.map((r) => (
                    <option key={r.id} value={r.id}>
                      The findings of {labels.get(r.id) ?? r.title} ({r.findingCount})
                    </option>
                  ))}
                  <option value={EVERY_OPEN}>Every finding still open, from every inspection</option>
                </Select>
              </Field>
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
              <Button type="submit" appearance="primary">
                Create progress paper
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
