import { Title2 } from '@fluentui/react-components';

export function NotesPage() {
  return <Title2 as="h1">Notes</Title2>;
}
