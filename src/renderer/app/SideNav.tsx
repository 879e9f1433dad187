import type { ReactElement } from 'react';
import { Tab, TabList } from '@fluentui/react-components';
import {
  DocumentBulletListRegular,
  TaskListSquareLtrRegular,
  DocumentTextRegular,
  NoteRegular,
  SettingsRegular,
} from '@fluentui/react-icons';
import type { Page } from '../navigation';

export const SECTIONS: { page: Page; label: string; icon: ReactElement; shortcut: string }[] = [
  { page: 'reports', label: 'Reports', icon: <DocumentBulletListRegular />, shortcut: '1' },
  { page: 'findings', label: 'Findings', icon: <TaskListSquareLtrRegular />, shortcut: '2' },
  { page: 'papers', label: 'Board papers', icon: <DocumentTextRegular />, shortcut: '3' },
  { page: 'notes', label: 'Notes', icon: <NoteRegular />, shortcut: '4' },
  { page: 'settings', label: 'Settings', icon: <SettingsRegular />, shortcut: '5' },
];

export function SideNav({ current, onSelect }: { current: Page; onSelect: (page: Page) => void }) {
  const selected = current === 'report' ? 'reports' : current;
  return (
    <nav aria-label="Main">
      <TabList vertical size="large" selectedValue={selected} onTabSelect={(_e, data) => onSelect(data.value as Page)}>
        {SECTIONS.map((s) => (
          <Tab key={s.page} value={s.page} icon={s.icon} aria-keyshortcuts={`Control+${s.shortcut}`}>
            {s.label}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}
