// Follow a share: the panel beside the map that tells, for one agent, who told whom back to the
// first customer, and how large a cascade that customer started. The trail comes from the workers
// (engine/cascades.ts followShare); the panel lists it link by link with tier, channel and day, and
// marks the links that cross tiers. What the map highlights is derived here too (FollowFocus).
import type { ShareTrail, CascadeRows } from '../../engine/cascades.ts';
import { CHANNELS } from '../../scenario/channels.ts';
import { NEVER } from '../../engine/state.ts';
import { positionIn } from './sample.ts';
import { formatCount, t, tierLabel, translatePage } from '../shared/language.ts';

/** Cascade members asked for: enough for any tree a person can read. */
export const CASCADE_LIMIT = 2000;

/** What the map draws bright while a share is followed; everything else dims. Positions in the sample. */
export interface FollowFocus {
  /** The followed agent's position, or −1 when it is not drawn. */
  readonly agent: number;
  /** Pairs (source, buyer) of the chain, then of the rest of the cascade, both ends drawn. */
  readonly chainLinks: Int32Array;
  readonly cascadeLinks: Int32Array;
  /** 1 for drawn members of the chain or the cascade. */
  readonly members: Uint8Array;
}

export const channelName = (channel: number, day: number): ChannelName => (day === 0 ? 'initial' : (CHANNELS[channel] ?? 'none'));
type ChannelName = (typeof CHANNELS)[number] | 'initial' | 'none';
/** A channel in the page's words. */
export const channelWord = (name: ChannelName): string => t(`channels.${name}`);

/** Links (source → buyer) of rows whose source and buyer are both drawn, as pairs of positions. */
function drawnLinks(rows: CascadeRows, sample: Uint32Array, skip: (k: number) => boolean): Int32Array {
  const pairs: number[] = [];
  for (let k = 0; k < rows.agent.length; k++) {
    if (skip(k) || rows.source[k] < 0) continue;
    const from = positionIn(sample, rows.source[k]);
    const to = positionIn(sample, rows.agent[k]);
    if (from >= 0 && to >= 0) pairs.push(from, to);
  }
  return Int32Array.from(pairs);
}

export function focusOf(trail: ShareTrail, sample: Uint32Array): FollowFocus {
  const members = new Uint8Array(sample.length);
  for (const rows of [trail.chain, trail.cascade]) {
    for (const id of rows.agent) {
      const at = positionIn(sample, id);
      if (at >= 0) members[at] = 1;
    }
  }
  const chain = trail.chain;
  // The chain's last entry is its first customer: it has no link of its own in the chain.
  const chainLinks = drawnLinks(chain, sample, (k) => k === chain.agent.length - 1);
  const inChain = new Set(chain.agent);
  const cascadeLinks = drawnLinks(trail.cascade, sample, (k) => inChain.has(trail.cascade.agent[k]));
  return { agent: positionIn(sample, chain.agent[0]), chainLinks, cascadeLinks, members };
}

/** The panel: a hint, a "random customer" button, the chain as an ordered list, and the cascade's size. */
export class FollowPanel {
  private readonly chainList: HTMLOListElement;
  private readonly summary: HTMLParagraphElement;

  constructor(
    readonly element: HTMLElement,
    actions: { random(): void; clear(): void },
  ) {
    element.innerHTML = `<h2 data-i18n="simulator.follow.title"></h2>
      <p class="follow-hint" data-i18n="simulator.follow.hint"></p>
      <div class="follow-actions"><button type="button" data-testid="follow-random" data-i18n="simulator.follow.random"></button>
      <button type="button" data-testid="follow-clear" data-i18n="simulator.follow.stop" hidden></button></div>
      <p class="follow-summary" data-testid="follow-summary" aria-live="polite"></p>
      <ol class="follow-chain" data-testid="follow-chain"></ol>`;
    translatePage(element);
    this.chainList = element.querySelector('ol')!;
    this.summary = element.querySelector('.follow-summary')!;
    element.querySelector<HTMLButtonElement>('[data-testid=follow-random]')!.addEventListener('click', () => actions.random());
    element.querySelector<HTMLButtonElement>('[data-testid=follow-clear]')!.addEventListener('click', () => actions.clear());
  }

  clear(): void {
    this.summary.textContent = '';
    this.chainList.replaceChildren();
    this.element.querySelector<HTMLButtonElement>('[data-testid=follow-clear]')!.hidden = true;
  }

  /** Shows a trail; `tierNames` label tiers; `note` is appended to the summary. */
  show(trail: ShareTrail, tierNames: readonly string[], note = ''): void {
    const chain = trail.chain;
    const tierName = (tier: number) => tierLabel(tierNames[tier] ?? `tier ${tier + 1}`);
    const last = chain.agent.length - 1;
    const followed = chain.agent[0];
    this.element.querySelector<HTMLButtonElement>('[data-testid=follow-clear]')!.hidden = false;
    if (chain.day[0] === NEVER) {
      this.summary.textContent = `${t('simulator.follow.notYet', { agent: followed, tier: tierName(chain.tier[0]) })}${note}`;
      this.chainList.replaceChildren();
      return;
    }
    const items: HTMLLIElement[] = [];
    // From the first customer down to the followed agent.
    for (let k = last; k >= 0; k--) {
      const li = document.createElement('li');
      const channel = channelName(chain.channel[k], chain.day[k]);
      Object.assign(li.dataset, { agent: String(chain.agent[k]), day: String(chain.day[k]), channel, tier: String(chain.tier[k] + 1) });
      const who = t('simulator.follow.who', { agent: chain.agent[k], tier: tierName(chain.tier[k]) });
      if (k === last) {
        const day = chain.day[k];
        li.textContent =
          channel === 'initial'
            ? t('simulator.follow.fromStart', { day, who })
            : chain.source[k] >= 0
              ? t('simulator.follow.toldUnbought', { day, who, source: chain.source[k] })
              : t('simulator.follow.cameBy', { day, who, channel: channelWord(channel) });
      } else {
        const cross = chain.tier[k] !== chain.tier[k + 1];
        li.dataset.source = String(chain.source[k]);
        li.textContent = t('simulator.follow.toldBy', { day: chain.day[k], who, source: chain.agent[k + 1], channel: channelWord(channel) });
        if (cross) {
          li.classList.add('cross-tier');
          li.dataset.cross = 'true';
          const mark = document.createElement('strong');
          mark.textContent = ` ↕ ${tierName(chain.tier[k + 1])} → ${tierName(chain.tier[k])}`;
          li.append(mark);
        }
      }
      if (k === 0) li.classList.add('followed');
      items.push(li);
    }
    this.chainList.replaceChildren(...items);
    const links = last;
    const size = trail.cascadeSize;
    const customers = t('simulator.follow.customers', { count: size, formatted: formatCount(size) });
    const summary = links === 0 ? t('simulator.follow.noFriend', { agent: followed, size: customers }) : t('simulator.follow.links', { agent: followed, count: links, size: customers });
    this.summary.textContent = `${summary}${note}`;
  }
}
