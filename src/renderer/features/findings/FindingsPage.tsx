import { Title2 } from '@fluentui/react-components';

export function FindingsPage() {
  return <Title2 as="h1">Findings</Title2>;
}
