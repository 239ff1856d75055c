// Small worlds (a teaching village of a few hundred people) are shown whole, so their ties can
// shape the picture: d3-force pulls friends together inside each city. The simulation is stopped and
// ticked by hand a few milliseconds per frame, so settling never blocks the page, and it takes its
// randomness from the view's own stream, so the same seed settles the same way every time.
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type Simulation, type SimulationNodeDatum } from 'd3';
import type { MapLayout } from './cities.ts';
import { viewRandom } from './view-random.ts';

/** Worlds up to this many agents get a force layout (d3-force ticks cost ~9 ms at 3,000 nodes). */
export const FORCE_LAYOUT_LIMIT = 2000;

interface Person extends SimulationNodeDatum {
  readonly city: number;
}

export class ForceSettler {
  private readonly simulation: Simulation<Person, undefined>;
  private readonly people: Person[];
  settled = false;

  /** `ties` holds pairs of positions in the sample; only ties inside a city pull. */
  constructor(
    private readonly layout: MapLayout,
    ties: Uint32Array,
    tier: Uint8Array,
    seed: number,
  ) {
    this.people = Array.from(tier, (city, k) => ({ city, x: layout.x[k], y: layout.y[k] }));
    const links: Array<{ source: number; target: number }> = [];
    for (let e = 0; e + 1 < ties.length; e += 2) if (tier[ties[e]] === tier[ties[e + 1]]) links.push({ source: ties[e], target: ties[e + 1] });
    const cities = layout.cities;
    // About the room one person has in the cities, so a village spreads as much as a crowd does.
    const area = cities.reduce((a, c) => a + Math.PI * c.radius * c.radius, 0);
    const spacing = Math.sqrt(area / Math.max(1, tier.length)) * 0.8;
    this.simulation = forceSimulation(this.people)
      .randomSource(viewRandom(seed, 'force'))
      .force('ties', forceLink<Person, { source: number; target: number }>(links).distance(spacing).strength(0.2))
      .force('room', forceManyBody<Person>().strength(-spacing * spacing * 0.12).distanceMax(spacing * 6))
      .force('x', forceX<Person>((p) => cities[p.city].x).strength(0.04))
      .force('y', forceY<Person>((p) => cities[p.city].y).strength(0.04))
      .stop();
  }

  /** Ticks for at most `budgetMs`; copies positions into the layout. Returns true once settled. */
  advance(budgetMs: number): boolean {
    if (this.settled) return true;
    const started = performance.now();
    const sim = this.simulation;
    while (sim.alpha() >= sim.alphaMin() && performance.now() - started < budgetMs) {
      sim.tick();
      this.keepInsideCities();
    }
    this.people.forEach((p, k) => {
      this.layout.x[k] = p.x!;
      this.layout.y[k] = p.y!;
    });
    this.settled = sim.alpha() < sim.alphaMin();
    return this.settled;
  }

  /** Each person stays inside their city's disc, so the cities keep their sizes and stay apart. */
  private keepInsideCities(): void {
    for (const p of this.people) {
      const c = this.layout.cities[p.city];
      const dx = p.x! - c.x;
      const dy = p.y! - c.y;
      const d = Math.hypot(dx, dy);
      if (d > c.radius) {
        p.x = c.x + (dx / d) * c.radius;
        p.y = c.y + (dy / d) * c.radius;
      }
    }
  }
}
