export { KIND_LABELS } from '../shared/domain/report-label';
