import type { Command } from '../command';
import { backupCommand } from './backup';
import { extractCommand } from './extract';
import { findingsCommand } from './findings';
import { importCommand } from './import';
import { listCommand } from './list';
import { logoCommand } from './logo';
import { notesCommand } from './notes';
import { paperCommand } from './paper';
import { registerCommand } from './register';
import { reportsCommand } from './reports';
import { restoreCommand } from './restore';
import { searchCommand } from './search';
import { remindersCommand } from './reminders';
import { annotationsCommand } from './annotations';
import { syncCommand } from './sync';

export const commands: Command[] = [
  importCommand,
  extractCommand,
  listCommand,
  reportsCommand,
  paperCommand,
  logoCommand,
  registerCommand,
  findingsCommand,
  remindersCommand,
  annotationsCommand,
  backupCommand,
  restoreCommand,
  notesCommand,
  searchCommand,
  syncCommand,
];
