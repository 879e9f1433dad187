import { join } from 'node:path';

/** The user's documents and the hand-made fixtures. */
export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
