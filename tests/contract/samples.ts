import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CallInput, CallName } from '../../src/shared/api/contract';

/** Ids of things made during the contract test's setup, for the calls that need one. */
export interface Fixtures {
  reportId: string;
  spareReportId: string;
}

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'fixtures', name)).toString('base64');

/**
 * A valid input for every call in the contract. The type makes a call without a sample a compile
 * error, so every new call is run through both transports. Calls run in this order.
 */
export const CALL_SAMPLES: { [K in CallName]: (f: Fixtures) => CallInput<K> } = {
  'app.status': () => ({}),
  'reports.list': () => ({}),
  'reports.get': (f) => ({ id: f.reportId }),
  'reports.text': (f) => ({ id: f.reportId }),
  'reports.import': () => ({ fileName: 'hmi-assessment-transcript.txt', dataBase64: fixture('hmi-assessment-transcript.txt') }),
  'reports.importSamples': () => ({}),
  'settings.get': () => ({}),
  'settings.update': () => ({ boardName: 'Business Coordination Board' }),
  'reports.delete': (f) => ({ id: f.spareReportId }),
};
