import { AppError } from '../../../shared/api/result';
import { readTeamConfig } from '../../sync/config';
import { inspectTeam } from '../../sync/inspect';
import { describeFailure, splitRemote } from '../../sync/remote';
import { openSession } from '../../sync/session';
import type { Command } from '../command';

const waitingWords = (n: number) => (n === 0 ? 'nothing waits to be sent' : n === 1 ? '1 change waits to be sent' : `${n} changes wait to be sent`);

export const syncCommand: Command = {
  name: 'sync',
  usage: 'sync [--remote URL] [--user U] [--database D] [--watch]',
  summary: 'work as a team: one round of sync with the team database (password in LIAISON_SYNC_PASSWORD); --watch keeps going',
  options: { remote: { type: 'string' }, user: { type: 'string' }, database: { type: 'string' }, watch: { type: 'boolean' } },
  async run(_args, values, io) {
    const saved = await readTeamConfig(io.dataDir);
    const remote = typeof values.remote === 'string' ? values.remote : null;
    const address = remote ? splitRemote(remote, typeof values.database === 'string' ? values.database : undefined) : saved;
    const user = typeof values.user === 'string' ? values.user : saved?.user;
    if (!address || !user) throw new AppError('invalid-input', 'Give the team database and your user name: liaison sync --remote https://host:6984/liaison --user NAME');
    const password = process.env.LIAISON_SYNC_PASSWORD;
    if (!password) throw new AppError('invalid-input', 'Set LIAISON_SYNC_PASSWORD to your team password (it is never taken on the command line).');

    const { store } = await io.open();
    const { engine, plainHttp } = await openSession(store, io.dataDir, { server: address.server, database: address.database, user, password }, { retryDelayMs: 2_000 });
    try {
      // What changed here goes into the outbox first, so it is counted (and kept) even when the server is away.
      engine.markChangedUnits();
      await engine.flush();
      try {
        await inspectTeam(address, user, password);
      } catch (error) {
        const message = (error as Error).message;
        throw new AppError((error as AppError).code ?? 'not-available', /not reachable/.test(message) ? `${message}; ${waitingWords(engine.status.waiting)}` : message);
      }
      if (plainHttp) process.stderr.write('sync: plain http to this computer (allowed for trials only)\n');
      let figures;
      try {
        figures = await engine.syncOnce();
      } catch (error) {
        const problem = describeFailure(error);
        throw new AppError('not-available', problem.kind === 'unreachable' ? `${problem.message}; ${waitingWords(engine.status.waiting)}` : problem.message);
      }
      io.out(`sync: pushed ${figures.pushed} pulled ${figures.pulled} conflicts ${figures.conflicts}\n`);
      for (const refusal of engine.status.refusals) io.out(`sync: refused: ${refusal}\n`);
      for (const problem of engine.status.notApplied) io.out(`sync: not stored: ${problem}\n`);
      if (!values.watch) return;
      await engine.startLive();
      let last = '';
      const report = () => {
        const s = engine.status;
        const line = s.problem ? `sync: ${s.problem.message}; ${waitingWords(s.waiting)}` : s.waiting ? `sync: ${waitingWords(s.waiting)}` : `sync: up to date`;
        if (line !== last) io.out(`${line}\n`);
        last = line;
      };
      const timer = setInterval(report, 1_000);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      clearInterval(timer);
    } finally {
      await engine.stop();
    }
  },
};
