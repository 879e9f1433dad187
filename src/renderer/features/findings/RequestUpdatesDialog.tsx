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
  Radio,
  RadioGroup,
  Select,
  Text,
} from '@fluentui/react-components';
import { MailArrowUpRegular } from '@fluentui/react-icons';
import { useQuery } from '../../hooks/data';
import { localToday } from './tracking-labels';
import { DateField, dateProblem } from './DateField';
import { useSaveFile } from '../../hooks/useSaveFile';
import { useFocusReturn } from '../../hooks/useFocusReturn';

function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localToday(d);
}

/** "Ask owners for updates": a workbook (or a short Word document) of one owner's open findings, or everyone's. */
export function RequestUpdatesDialog() {
  const [open, setOpen] = useState(false);
  useFocusReturn(open);
  const [owner, setOwner] = useState('');
  const [format, setFormat] = useState<'xlsx' | 'docx'>('xlsx');
  const [returnBy, setReturnBy] = useState<string | null>(inDays(14));
  const [busy, setBusy] = useState(false);
  const owners = useQuery('findings.owners', {}, open);
  // Every open finding, owned or not: a request for everyone asks about those without an owner too.
  const board = useQuery('findings.dashboard', {}, open);
  const plural = (n: number) => `${n} open finding${n === 1 ? '' : 's'}`;
  const saveFile = useSaveFile();
  const wrongDate = dateProblem(returnBy, { required: true, min: localToday() }) !== null;
  const submit = async () => {
    setBusy(true);
    if (!returnBy || wrongDate) return;
    const saved = await saveFile('requests.create', { owner: owner || undefined, format, returnBy }, 'Update request written');
    setBusy(false);
    if (saved) setOpen(false);
  };
  return (
    <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<MailArrowUpRegular />}>Ask owners for updates…</Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>Ask owners for updates</DialogTitle>
            <DialogContent>
              <Text as="p">
                Owners fill in a progress update, its date, a new status or target date and the evidence, and send the workbook back; you then
                apply it with “Apply returned workbooks”, row by row. They need no app.
              </Text>
              <Field label="For">
                <Select value={owner} onChange={(_e, d) => setOwner(d.value)}>
                  <option value="">Every open finding{board.data ? ` (${board.data.open})` : ''}, whoever owns it</option>
                  {(owners.data ?? []).map((o) => (
                    <option key={o.owner} value={o.owner}>
                      {o.owner} ({plural(o.open)})
                    </option>
                  ))}
                </Select>
              </Field>
              <DateField label="Please return by" required value={returnBy} min={localToday()} onChange={setReturnBy} />
              <Field label="As">
                <RadioGroup value={format} onChange={(_e, d) => setFormat(d.value as 'xlsx' | 'docx')}>
                  <Radio value="xlsx" label="An Excel workbook to fill in and return (applied back into the app)" />
                  <Radio value="docx" label="A short Word document, for owners who prefer Word" />
                </RadioGroup>
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" type="submit" disabled={busy || wrongDate}>
                Write the request
              </Button>
              <DialogTrigger disableButtonEnhancement>
                <Button>Cancel</Button>
              </DialogTrigger>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
