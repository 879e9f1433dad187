import { createContext, useContext } from 'react';

export type Route =
  | { page: 'reports' }
  /** `anchor`: a passage of the report's text (character offsets) to open at, e.g. a search hit inside the text. */
  | { page: 'report'; id: string; findingId?: string; annotationId?: string; anchor?: { start: number; end: number } }
  | { page: 'findings'; view?: 'due' }
  | { page: 'papers' }
  | { page: 'notes'; noteId?: string }
  | { page: 'settings' };

export type Page = Route['page'];

export const NavigationContext = createContext<(route: Route) => void>(() => undefined);
export const useNavigate = () => useContext(NavigationContext);
