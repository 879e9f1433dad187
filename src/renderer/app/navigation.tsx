import { createContext, useContext } from 'react';

export type Route =
  | { page: 'reports' }
  | { page: 'report'; id: string; findingId?: string; annotationId?: string }
  | { page: 'findings'; view?: 'due' }
  | { page: 'papers' }
  | { page: 'notes'; noteId?: string }
  | { page: 'settings' };

export type Page = Route['page'];

export const NavigationContext = createContext<(route: Route) => void>(() => undefined);
export const useNavigate = () => useContext(NavigationContext);
