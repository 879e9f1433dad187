import type { Command } from '../command';
import { backupCommand } from './backup';
import { extractCommand } from './extract';
import { findingsCommand } from './findings';
import { importCommand } from './import';
import { listCommand } from './list';
import { notesCommand } from './notes';
import { paperCommand } from './paper';
import { registerCommand } from './register';
import { restoreCommand } from './restore';
import { searchCommand } from './search';
import { syncCommand } from './sync';

export const commands: Command[] = [importCommand, extractCommand, listCommand, paperCommand, registerCommand, findingsCommand, backupCommand, restoreCommand, notesCommand, searchCommand, syncCommand];
