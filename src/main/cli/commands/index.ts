import type { Command } from '../command';
import { extractCommand } from './extract';
import { importCommand } from './import';
import { listCommand } from './list';

export const commands: Command[] = [importCommand, extractCommand, listCommand];
