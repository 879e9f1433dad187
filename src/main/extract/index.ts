export { extract } from './extract';
export { supportingLinkKey } from './link-key';
