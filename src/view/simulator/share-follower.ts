// Following a share, as the page does it: asks the workers for the trail of the agent a person
// picked (a click on the map, or a random customer among those drawn), and shows it in the panel,
// the tree and the map. The trail is asked again after each day, since the cascade grows.
import { NEVER } from '../../engine/state.ts';
import type { AgentSnapshot } from '../../runtime/protocol.ts';
import { CascadeTree } from './cascade-tree.ts';
import { CASCADE_LIMIT, FollowPanel, focusOf } from './follow-share.ts';
import type { NetworkView } from './network-view.ts';
import type { LoadedRun } from './playback.ts';
import { viewRandom, type ViewRandom } from './view-random.ts';
import { onLanguageChange, t } from '../shared/language.ts';

export class ShareFollower {
  private readonly panel: FollowPanel;
  private readonly tree: CascadeTree;
  /** The agent whose share is followed, and the run it belongs to. */
  private followed: { run: LoadedRun; agent: number } | null = null;
  private run: LoadedRun | null = null;
  private snapshot: AgentSnapshot | null = null;
  private random: ViewRandom = viewRandom(0, 'follow');

  constructor(panel: HTMLElement, tree: HTMLElement, private readonly network: NetworkView) {
    this.panel = new FollowPanel(panel, { random: () => this.followRandomCustomer(), clear: () => this.stop() });
    this.tree = new CascadeTree(tree);
    onLanguageChange(() => this.followed && void this.follow(this.followed.run, this.followed.agent));
  }

  /** A new world: nothing followed; random picks come from the view's stream for its seed. */
  reset(run: LoadedRun): void {
    this.stop();
    this.run = run;
    this.snapshot = null;
    this.random = viewRandom(run.seed, 'follow');
  }

  /** A day (or days) done: the followed cascade may have grown. */
  advanced(run: LoadedRun, snapshot: AgentSnapshot): void {
    this.snapshot = snapshot;
    if (this.followed?.run === run) void this.follow(run, this.followed.agent);
  }

  /** Follows a share from one agent: its chain back to the first customer and that customer's cascade. */
  async follow(run: LoadedRun, agent: number): Promise<void> {
    this.followed = { run, agent };
    const trail = await run.sim.followShare(agent, CASCADE_LIMIT);
    if (this.followed?.run !== run || this.followed.agent !== agent || this.run !== run) return;
    const names = run.scenario.tiers.map((t) => t.name);
    const whole = run.sample.length === run.sim.agents;
    this.panel.show(trail, names, whole ? '' : ` ${t('simulator.follow.someStreets')}`);
    if (whole) this.tree.show(trail, names);
    else this.tree.clear();
    this.network.setFocus(focusOf(trail, run.sample));
  }

  /** A drawn customer, picked with the view's own random stream; one told by a friend when there is one. */
  private followRandomCustomer(): void {
    const { run, snapshot } = this;
    if (!run || !snapshot) return;
    const customers: number[] = [];
    const told: number[] = [];
    for (let k = 0; k < snapshot.adoptDay.length; k++) {
      if (snapshot.adoptDay[k] === NEVER) continue;
      customers.push(k);
      if (snapshot.firstSource[k] >= 0) told.push(k);
    }
    const pool = told.length > 0 ? told : customers;
    if (pool.length > 0) void this.follow(run, run.sample[pool[Math.floor(this.random() * pool.length)]]);
  }

  stop(): void {
    this.followed = null;
    this.panel.clear();
    this.tree.clear();
    this.network.setFocus(null);
  }
}
