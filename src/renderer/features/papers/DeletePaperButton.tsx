import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useAction } from '../../hooks/data';

/** Delete, after the officer confirms: the paper's own wording cannot be derived again. */
export function DeletePaperButton({ paper, progress = false }: { paper: { id: string; title: string; editedCount: number }; progress?: boolean }) {
  const act = useAction();
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" icon={<DeleteRegular />} aria-label={`Delete ${paper.title}`}>
          Delete
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete this paper?</DialogTitle>
          <DialogContent>
            “{paper.title}” will be deleted
            {paper.editedCount > 0 ? `, with the ${paper.editedCount === 1 ? 'paragraph' : `${paper.editedCount} paragraphs`} you wrote` : ''}. The{' '}
            {progress ? 'findings and their tracking are' : 'report itself is'} kept.
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={() => void act(progress ? 'progressPapers.delete' : 'papers.delete', { id: paper.id }, 'Paper deleted')}>
                Delete paper
              </Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
