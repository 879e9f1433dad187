import type { z } from 'zod';
import { annotationCalls } from './annotations';
import { appCalls } from './app';
import { findingCalls } from './findings';
import { noteCalls } from './notes';
import { searchCalls } from './search';
import { paperCalls } from './papers';
import { reportCalls } from './reports';
import { reviewCalls } from './review';
import { settingsCalls } from './settings';
import { storeCalls } from './store';
import { trackingCalls } from './tracking';
import { requestCalls } from './requests';
import { progressPaperCalls } from './progress-papers';
import { syncCalls } from './sync';

/**
 * Every call the renderer can make, with its input and output schemas. Main's handler map must
 * satisfy this (a missing handler is a compile error) and every input is parsed against it.
 */
export const contract = {
  ...annotationCalls,
  ...appCalls,
  ...findingCalls,
  ...noteCalls,
  ...searchCalls,
  ...paperCalls,
  ...reportCalls,
  ...reviewCalls,
  ...settingsCalls,
  ...storeCalls,
  ...trackingCalls,
  ...requestCalls,
  ...progressPaperCalls,
  ...syncCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

export const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
