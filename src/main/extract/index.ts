export { extract } from './extract';
export { supportingLinkKey } from './link-key';
export { summariseExtraction } from './summary';
export { forceMustAct } from './addressee';
