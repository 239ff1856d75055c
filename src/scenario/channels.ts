// The channels an agent is exposed through (MODEL §5): the one list every other list is derived
// from — the scenario's `channels` fields, the engine's channel numbers, the daily metrics, the
// map's legend and colours. Zod-free, so the engine's workers can load it.

export interface ChannelInfo {
  /** The name used in scenario files and output columns. */
  readonly name: string;
  /** A friend is the source: the purchase counts towards the social share (F3). */
  readonly social: boolean;
  /** The purchase starts inside a chat app, so the friction of paying applies (M8). */
  readonly paysInApp: boolean;
  /** Key of the channel's colour in the view's palette. */
  readonly colour: 'vermillion' | 'bluishGreen' | 'reddishPurple' | 'blue' | 'orange' | 'grey';
  /** What the channel is, in a few words. */
  readonly label: string;
}

/** In the engine's channel order. Social channels come first: the kernel tells them apart by index. */
export const CHANNEL_TABLE = [
  { name: 'direct', social: true, paysInApp: true, colour: 'vermillion', label: 'a friend sends the link in chat' },
  { name: 'group', social: true, paysInApp: true, colour: 'bluishGreen', label: 'a post in a WeChat or QQ group' },
  { name: 'feed', social: true, paysInApp: true, colour: 'reddishPurple', label: 'a post on Moments or QZone' },
  { name: 'ad', social: false, paysInApp: true, colour: 'blue', label: 'a platform ad' },
  { name: 'offline', social: false, paysInApp: false, colour: 'orange', label: 'JD Pai, JD Bang or a rural promoter' },
  { name: 'organic', social: false, paysInApp: false, colour: 'grey', label: "the shop's own app, no social help" },
] as const satisfies readonly ChannelInfo[];

export type Channel = (typeof CHANNEL_TABLE)[number]['name'];

export const CHANNELS: readonly Channel[] = CHANNEL_TABLE.map((c) => c.name);
export const SOCIAL_CHANNELS: readonly Channel[] = CHANNEL_TABLE.filter((c) => c.social).map((c) => c.name);

/** A channel's number in the engine (its place in the table). */
export function channelIndex(name: Channel): number {
  return CHANNELS.indexOf(name);
}
