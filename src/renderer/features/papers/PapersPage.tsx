import { Title2 } from '@fluentui/react-components';

export function PapersPage() {
  return <Title2 as="h1">Board papers</Title2>;
}
