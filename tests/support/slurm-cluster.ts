// A real one-node Slurm cluster (Debian's slurm-wlm and munge, Slurm 22.05) in a folder of its
// own: its own munge socket, slurm.conf, free ports, state, spool, logs and pid files, so it
// touches nothing of the machine's and two test runs do not meet. Started as root without systemd
// (the recipe in /work/shared/STACK.md); every daemon it starts is stopped by its process id.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, cpus } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const SLURM_DAEMONS = ['/usr/sbin/munged', '/usr/sbin/slurmctld', '/usr/sbin/slurmd', '/usr/bin/sbatch'] as const;

/** Slurm can run here: its programs are installed and we are root (the daemons need it). */
export const slurmAvailable = (): boolean => process.getuid?.() === 0 && SLURM_DAEMONS.every((path) => existsSync(path));

export interface SlurmCluster {
  /** The environment the Slurm commands need (SLURM_CONF), on top of this process's. */
  readonly env: NodeJS.ProcessEnv;
  readonly logs: string;
  /** Runs a Slurm command (or a script that runs them) against this cluster; its stdout. */
  command(program: string, args: readonly string[], cwd: string): string;
  /** Submits a batch job; its job id. */
  sbatch(args: readonly string[], cwd: string): string;
  /** Waits until these jobs have left the queue; each job's (and array task's) final state. */
  finished(ids: readonly string[], timeoutMs: number): Promise<string[]>;
  /** The job logs, for a failure message. */
  jobLogs(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(what: string, test: () => boolean, timeoutMs: number, log: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`Slurm test cluster: ${what} did not happen within ${timeoutMs} ms\n${log()}`);
    await sleep(100);
  }
}

function userId(name: string): number {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`Slurm test cluster: no user ${name} (is munge installed?)`);
  return Number(result.stdout.trim());
}

export async function startSlurmCluster(dir: string): Promise<SlurmCluster> {
  const node = hostname().split('.')[0];
  const paths = { munge: join(dir, 'munge'), state: join(dir, 'state'), spool: join(dir, 'spool'), logs: join(dir, 'logs'), jobs: join(dir, 'job-logs') };
  for (const path of Object.values(paths)) mkdirSync(path, { recursive: true });
  // munged runs as the munge user and insists its socket's folders are traversable by all (so
  // `dir` must sit in folders that are, such as the system temp folder).
  chmodSync(dir, 0o755);
  chmodSync(paths.munge, 0o755);
  const munge = userId('munge');
  chownSync(paths.munge, munge, munge);
  const socket = join(paths.munge, 'munge.socket');
  const [controllerPort, nodePort] = [await freePort(), await freePort()];
  const conf = join(dir, 'slurm.conf');
  writeFileSync(
    conf,
    [
      'ClusterName=tierwave-test',
      `SlurmctldHost=${node}`,
      `SlurmctldPort=${controllerPort}`,
      `SlurmdPort=${nodePort}`,
      'AuthType=auth/munge',
      'CredType=cred/munge',
      `AuthInfo=socket=${socket}`,
      'SlurmUser=root',
      'SlurmdUser=root',
      `StateSaveLocation=${paths.state}`,
      `SlurmdSpoolDir=${paths.spool}`,
      `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
      `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
      `SlurmctldLogFile=${join(paths.logs, 'slurmctld.log')}`,
      `SlurmdLogFile=${join(paths.logs, 'slurmd.log')}`,
      'ProctrackType=proctrack/linuxproc',
      'TaskPlugin=task/none',
      'SelectType=select/cons_tres',
      'SelectTypeParameters=CR_Core',
      'AccountingStorageType=accounting_storage/none',
      'JobAcctGatherType=jobacct_gather/none',
      'JobCompType=jobcomp/none',
      'ReturnToService=2',
      'MailProg=/bin/true',
      // A job whose dependency failed is cancelled, not left pending for ever.
      'DependencyParameters=kill_invalid_depend',
      `NodeName=${node} CPUs=${cpus().length} State=UNKNOWN`,
      'PartitionName=main Nodes=ALL Default=YES MaxTime=INFINITE State=UP',
      '',
    ].join('\n'),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, SLURM_CONF: conf, SBATCH_OUTPUT: join(paths.jobs, '%x-%j.out') };
  const daemons: ChildProcess[] = [];
  const submitted: string[] = [];
  const logText = () =>
    readdirSync(paths.logs)
      .map((name) => `--- ${name}\n${readFileSync(join(paths.logs, name), 'utf8').split('\n').slice(-15).join('\n')}`)
      .join('\n');
  const daemon = (name: string, program: string, args: readonly string[]) => {
    const output = openSync(join(paths.logs, `${name}.out`), 'a');
    const child = spawn(program, args, { env, stdio: ['ignore', output, output] });
    closeSync(output);
    daemons.push(child);
    return child;
  };
  const command = (program: string, args: readonly string[], cwd: string): string => {
    const result = spawnSync(program, args, { cwd, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr}${result.error ?? ''}`);
    return result.stdout;
  };
  const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    // Jobs first (their processes hang from slurmd), then the daemons, newest first.
    if (submitted.length > 0 && daemons.length >= 2 && alive(daemons[1])) spawnSync('scancel', submitted, { env });
    for (const child of [...daemons].reverse()) {
      if (!alive(child)) continue;
      child.kill('SIGTERM');
      const end = Date.now() + 5000;
      while (alive(child) && Date.now() < end) await sleep(50);
      if (alive(child)) child.kill('SIGKILL');
    }
    process.removeListener('exit', killAll);
  };
  // Should this process die before stop(), the daemons die with it.
  const killAll = () => daemons.forEach((child) => alive(child) && child.kill('SIGKILL'));
  process.on('exit', killAll);
  try {
    daemon('munged', 'setpriv', ['--reuid=munge', '--regid=munge', '--init-groups', '/usr/sbin/munged', '-F', `--socket=${socket}`, `--pid-file=${join(paths.munge, 'munged.pid')}`, `--log-file=${join(paths.munge, 'munged.log')}`, `--seed-file=${join(paths.munge, 'munged.seed')}`]);
    await until('munged created its socket', () => existsSync(socket), 10_000, logText);
    daemon('slurmctld', '/usr/sbin/slurmctld', ['-D']);
    await until('slurmctld answered scontrol ping', () => /is UP/.test(spawnSync('scontrol', ['ping'], { env, encoding: 'utf8' }).stdout ?? ''), 20_000, logText);
    daemon('slurmd', '/usr/sbin/slurmd', ['-D']);
    await until('the node became idle', () => /^idle/m.test(spawnSync('sinfo', ['-h', '-o', '%t'], { env, encoding: 'utf8' }).stdout ?? ''), 30_000, logText);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    env,
    logs: paths.logs,
    command,
    sbatch(args, cwd) {
      const id = command('sbatch', ['--parsable', ...args], cwd).trim().split(';')[0];
      submitted.push(id);
      return id;
    },
    async finished(ids, timeoutMs) {
      submitted.push(...ids.filter((id) => !submitted.includes(id)));
      await until(`jobs ${ids.join(', ')} finished`, () => (spawnSync('squeue', ['-h', '-j', ids.join(','), '-o', '%i'], { env, encoding: 'utf8' }).stdout ?? '').trim() === '', timeoutMs, logText);
      // Without accounting the controller still remembers finished jobs for MinJobAge (300 s).
      return ids.flatMap((id) => [...command('scontrol', ['show', 'job', '-o', id], dir).matchAll(/JobId=(\d+).*?JobState=(\w+)/g)].map((m) => `${m[1]} ${m[2]}`));
    },
    jobLogs: () =>
      readdirSync(paths.jobs)
        .map((name) => `--- ${name}\n${readFileSync(join(paths.jobs, name), 'utf8')}`)
        .join('\n'),
    stop,
  };
}
