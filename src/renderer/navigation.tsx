import { createContext, useContext } from 'react';

export type Route =
  | { page: 'reports' }
  /** `passage`: a stretch of the report's text to open at (character offsets), e.g. a search hit in the text. */
  | { page: 'report'; id: string; findingId?: string; annotationId?: string; passage?: { start: number; end: number } }
  | { page: 'findings' }
  | { page: 'papers' }
  | { page: 'notes'; noteId?: string }
  | { page: 'settings' };

export type Page = Route['page'];

export const NavigationContext = createContext<(route: Route) => void>(() => undefined);
export const useNavigate = () => useContext(NavigationContext);
