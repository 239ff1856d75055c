// The one source of truth for the scenario format. `scenarios/schema.json` and the README's
// field reference are generated from this file (`npm run schema`), so they cannot drift.
import { z } from 'zod';
import type { Channel } from './channels.ts';
import { MAX_SEED } from './seed.ts';

const probability = (description: string) => z.number().min(0).max(1).meta({ description, unit: 'probability' });
const perDay = (description: string) =>
  z.number().min(0).max(1).meta({ description, unit: 'probability per day' });
const nonNegative = (description: string, unit: string) => z.number().min(0).meta({ description, unit });
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'a real calendar date');

/** The largest spend per purchase an agent can have: 2³²−1 fen, what the engine stores exactly. */
export const MAX_BASKET_YUAN = (2 ** 32 - 1) / 100;

/** A log-normal trait: median and the sigma of its logarithm (heavy-tailed for sigma ≳ 1). */
const logNormal = (description: string, unit: string, median: number, sigma: number, maxMedian?: number) =>
  z
    .strictObject({
      median: (maxMedian === undefined ? z.number().min(0) : z.number().min(0).max(maxMedian)).default(median).meta({ description: 'median value', unit }),
      sigma: z.number().min(0).max(5).default(sigma).meta({ description: 'standard deviation of ln(value)', unit: 'ln units' }),
    })
    .meta({ description });

/** A trait in [0, 1] drawn from a Beta distribution with this mean and concentration. */
const betaTrait = (description: string, mean: number, concentration: number) =>
  z
    .strictObject({
      mean: z.number().min(0).max(1).default(mean).meta({ description: 'mean value', unit: 'probability' }),
      concentration: z
        .number()
        .gt(0)
        .default(concentration)
        .meta({ description: 'Beta concentration α+β: larger means agents are more alike', unit: 'dimensionless' }),
    })
    .meta({ description });

export const tierSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'label used in outputs and the view' }),
    share: probability('fraction of simulated agents living in this tier; shares sum to 1'),
    platforms: z
      .strictObject({
        wechat: probability('chance an agent uses WeChat').default(0.9),
        qq: probability('chance an agent uses mobile QQ (F6: most QQ users live in tiers 3–4)').default(0.5),
      })
      .default({ wechat: 0.9, qq: 0.5 })
      .meta({ description: 'platform presence; an agent on neither is reached only by ads, offline and organic channels' }),
    activity: betaTrait('chance an agent opens a social app and reads on a given day', 0.6, 6).default({ mean: 0.6, concentration: 6 }),
    susceptibility: logNormal('multiplier on every conversion chance (interest, price fit)', 'multiplier', 1, 0.5).default({
      median: 1,
      sigma: 0.5,
    }),
    sharing: logNormal('chance of sharing after a purchase, clipped to [0, 1]; heavy-tailed so a few agents share a lot', 'probability', 0.05, 1).default({
      median: 0.05,
      sigma: 1,
    }),
    basketYuan: logNormal(`spend per purchase; each agent's is kept exactly in fen, up to ${MAX_BASKET_YUAN} yuan (larger draws are clipped there)`, 'yuan', 150, 0.6, 1_000_000).default({ median: 150, sigma: 0.6 }),
    logisticsReach: z.number().min(0).max(1).default(1).meta({ description: 'multiplier on conversion: how well delivery reaches this tier (1 = everywhere)', unit: 'multiplier' }),
    meanFriends: nonNegative('mean number of friend ties of an agent in this tier (generated networks)', 'ties').default(20),
    shareMix: z
      .strictObject({
        direct: nonNegative('weight of sending the link to a few friends in chat', 'weight').default(0.5),
        group: nonNegative('weight of posting in a group', 'weight').default(0.3),
        feed: nonNegative('weight of posting on Moments / QZone', 'weight').default(0.2),
      })
      .default({ direct: 0.5, group: 0.3, feed: 0.2 })
      .meta({ description: 'how a sharer chooses where to share; weights are normalised' }),
    adReachPerDay: perDay('chance an active agent is shown a shopping ad on a day').default(0),
    offlinePerDay: perDay('chance of a contact with an offline promoter (JD Pai, JD Bang, rural promoters) on a day').default(0),
    organicPerDay: perDay('chance of finding the shop with no social help on a day').default(0),
    repeatPerDay: perDay('daily chance that a customer buys again (stickiness, M12)').default(0),
    initialCustomers: probability('fraction of this tier that are customers on day 0').default(0),
  })
  .meta({ description: 'one city tier (1 = largest cities … 4 = tier-4 towns, counties and rural)' });

const channelSchema = (conversion: number, attention: number, description: string) =>
  z
    .strictObject({
      conversion: probability('base chance that an exposure through this channel leads to a first purchase').default(conversion),
      attention: probability('chance a recipient who is active that day reads the post or link').default(attention),
    })
    .meta({ description });

export const channelsSchema = z
  .strictObject({
    direct: z
      .strictObject({
        conversion: probability('base chance that a link sent by a friend leads to a first purchase').default(0.06),
        attention: probability('chance a recipient who is active that day reads the link').default(0.9),
        recipients: z.int().min(1).max(1000).default(3).meta({ description: 'friends a direct share is sent to', unit: 'friends' }),
        dailyContact: probability(
          'word of mouth: chance per day that each customer mentions the shop to each friend, reaching them whether or not they are active (0 = off; the Bass and reference workloads use it). Time-homogeneous: festivals and interventions do not change it',
        ).default(0),
      })
      .default({ conversion: 0.06, attention: 0.9, recipients: 3, dailyContact: 0 })
      .meta({ description: 'a friend sends the link in chat (M1, M2)' }),
    group: channelSchema(0.01, 0.15, 'a post in a WeChat or QQ group (M3)').default({ conversion: 0.01, attention: 0.15 }),
    feed: channelSchema(0.015, 0.3, 'a post on Moments or QZone (M3)').default({ conversion: 0.015, attention: 0.3 }),
    ad: z
      .strictObject({ conversion: probability('base chance that an ad exposure leads to a first purchase, before targeting').default(0.01) })
      .default({ conversion: 0.01 })
      .meta({ description: 'platform ads shown to active agents (M5, M6)' }),
    offline: z
      .strictObject({ conversion: probability('base chance that a promoter contact leads to a first purchase').default(0.08) })
      .default({ conversion: 0.08 })
      .meta({ description: 'JD Pai, JD Bang and rural promoters (M4, F7)' }),
    organic: z
      .strictObject({ conversion: probability('chance that finding the shop unaided leads to a first purchase').default(0.3) })
      .default({ conversion: 0.3 })
      .meta({ description: "the shop's own app, no social help" }),
  })
  .meta({ description: 'how an agent is exposed, and how often an exposure converts' });

type SchemaChannel = keyof z.output<typeof channelsSchema>;
/** A compile-time check: the schema has fields for exactly the channels of the channel table. */
export const CHANNEL_FIELDS_MATCH_TABLE: Exclude<Channel, SchemaChannel> | Exclude<SchemaChannel, Channel> extends never ? true : never = true;

export const networkSchema = z
  .strictObject({
    kind: z
      .enum(['generated', 'erdos-renyi', 'regular', 'small-world', 'mixed', 'edge-list'])
      .default('generated')
      .meta({
        description:
          'generated: tiered, clustered, heavy-tailed ties with groups; erdos-renyi: a simple random graph; regular: a random graph where everyone has exactly `degree` friends; small-world: a Watts–Strogatz ring of `degree` nearest friends with a `rewiring` share of ties moved at random; mixed: no ties, everyone meets everyone (Bass mean field); edge-list: ties read from a CSV file',
      }),
    meanDegree: nonNegative('erdos-renyi only: mean number of ties per agent', 'ties').default(20),
    degree: z.int().min(1).default(6).meta({
      description: 'regular: every agent’s number of ties (agents × degree must be even); small-world: ties of each agent on the ring before rewiring (even)',
      unit: 'ties',
    }),
    rewiring: probability('small-world only: chance that each ring tie is moved to a uniformly drawn agent (Watts–Strogatz β)').default(0.1),
    degreeSigma: z.number().min(0).max(3).default(0.8).meta({
      description: 'generated only: sigma of the log-normal spread of target degrees (heavy tail)',
      unit: 'ln units',
    }),
    mixing: z
      .array(z.array(z.number().min(0)))
      .optional()
      .meta({
        description:
          'generated only: row i gives the relative weights of the tiers a tie from tier i goes to (homophily on the diagonal, migrant ties tier 1 ↔ tier 4); default: 0.85 on the diagonal',
      }),
    clustering: probability('generated only: fraction of ties closed inside a local neighbourhood (friends of friends are friends)').default(0.5),
    neighbourhood: z.int().min(2).max(10000).default(50).meta({
      description: 'generated only: size of the local neighbourhood clustered ties stay in',
      unit: 'agents',
    }),
    groups: z
      .strictObject({
        perAgent: nonNegative('mean number of groups an agent is in', 'groups').default(3),
        meanSize: nonNegative('mean group size', 'members').default(30),
        maxSize: z.int().min(2).default(500).meta({ description: 'largest group (WeChat caps groups at 500)', unit: 'members' }),
        local: probability('fraction of a group drawn from one neighbourhood of one tier; the rest from anywhere').default(0.8),
      })
      .default({ perAgent: 3, meanSize: 30, maxSize: 500, local: 0.8 })
      .meta({ description: 'WeChat / QQ groups (generated networks only)' }),
    edgeList: z
      .string()
      .optional()
      .meta({
        description:
          'edge-list only: CSV file with source,target (and optional source_tier,target_tier); a relative path is taken from the folder of the scenario file that writes it (through extends too), an absolute one as given',
      }),
    edgeListSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'a SHA-256 written as 64 lowercase hex digits')
      .optional()
      .meta({ description: 'edge-list only: SHA-256 the edge list must have; a run records it in scenario.resolved.json, so a replay on a changed file is refused' }),
  })
  .default({ kind: 'generated', meanDegree: 20, degree: 6, rewiring: 0.1, degreeSigma: 0.8, clustering: 0.5, neighbourhood: 50, groups: { perAgent: 3, meanSize: 30, maxSize: 500, local: 0.8 } })
  .meta({ description: 'the social network: friend ties, groups and feeds' });

const festivalMultipliers = z
  .strictObject({
    activity: nonNegative('multiplier on daily activity (reading social apps; ads reach only active agents)', 'multiplier').default(1),
    conversion: nonNegative('multiplier on every conversion chance', 'multiplier').default(1),
    repeat: nonNegative('multiplier on the repeat-purchase chance', 'multiplier').default(1),
    sharing: nonNegative('multiplier on the sharing chance', 'multiplier').default(1),
    adReach: nonNegative('multiplier on ad reach', 'multiplier').default(1),
  })
  .meta({ description: 'multipliers at the peak of the festival' });

export const festivalSchema = z
  .strictObject({
    name: z.string().min(1).meta({ description: 'label shown on the time axis' }),
    monthDay: z
      .string()
      .regex(/^\d{2}-\d{2}$/, 'a month and day written MM-DD')
      .meta({ description: 'the festival day, every year (06-18 for 618, 11-11 for Singles’ Day)' }),
    preheatDays: z.int().min(0).max(60).default(7).meta({ description: 'days before the peak over which the multipliers ramp up linearly', unit: 'days' }),
    multipliers: festivalMultipliers.default({ activity: 1, conversion: 1, repeat: 1, sharing: 1, adReach: 1 }),
  })
  .meta({ description: 'a yearly shopping festival (M7)' });

export const interventionSchema = z
  .strictObject({
    name: z.string().min(1).optional().meta({ description: 'label shown on the time axis' }),
    path: z.string().min(1).meta({
      description: 'the scenario field to change, e.g. tiers[3].offlinePerDay or payment.closedLoop; setup fields (population, network, traits) cannot change mid-run',
    }),
    value: z.union([z.number(), z.boolean(), z.string()]).meta({ description: 'the new value; its type must fit the field' }),
    from: isoDate.meta({ description: 'the date the change starts' }),
    to: isoDate.optional().meta({ description: 'numbers only: the date the ramp from the old to the new value ends; without it the change is a step' }),
  })
  .meta({ description: 'a lever pulled at a date (a what-if)' });

export const LEVER_MOVES = ['value', 'increase', 'factor'] as const;

export const leverMoveSchema = z
  .strictObject({
    path: z.string().min(1).optional().meta({ description: 'a field the lever sets; `[]` stands for every item of a list, e.g. tiers[].sharing.median' }),
    intervention: z.string().min(1).optional().meta({ description: 'the name of an intervention whose value the lever sets' }),
    as: z.enum(LEVER_MOVES).default('value').meta({
      description:
        "value: the lever's value replaces the field's (or the intervention's); increase (interventions only): the intervention's value becomes the value before it plus the lever's, so 0 means the intervention changes nothing; factor: the lever multiplies the value the scenario writes",
    }),
  })
  .refine((move) => (move.path === undefined) !== (move.intervention === undefined), 'either a "path" or an "intervention", not both')
  .meta({ description: 'one thing a lever moves' });

/** A text the pages show in their language: English and Chinese. */
export const bilingualTextSchema = z.strictObject({
  en: z.string().min(1).meta({ description: 'in English' }),
  zh: z.string().min(1).meta({ description: 'in Chinese' }),
});

export const leverSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes').meta({ description: 'the name used on the command line: --lever rural-promoters=0' }),
    label: bilingualTextSchema.meta({ description: 'what the control is called in the page' }),
    kind: z.enum(['number', 'switch', 'choice']).meta({ description: 'number: a value in `range`; switch: true or false; choice: one of `options`' }),
    range: z
      .strictObject({
        min: z.number().meta({ description: 'smallest value' }),
        max: z.number().meta({ description: 'largest value' }),
        step: z.number().gt(0).optional().meta({ description: "the page's slider step" }),
      })
      .optional()
      .meta({ description: 'numbers only: the values the lever may take' }),
    options: z.array(z.string().min(1)).min(2).optional().meta({ description: 'choices only: the values the lever may take' }),
    unit: z.union([z.string(), bilingualTextSchema]).optional().meta({ description: 'the unit of the lever\'s value: one text, or {"en", "zh"} for the pages in both languages' }),
    moves: z.array(leverMoveSchema).min(1).meta({ description: 'the fields and interventions the lever sets, all at once' }),
  })
  .refine((lever) => lever.kind !== 'number' || (lever.range !== undefined && lever.range.min <= lever.range.max), 'a number lever needs a "range" with min ≤ max')
  .refine((lever) => lever.kind !== 'choice' || lever.options !== undefined, 'a choice lever needs "options"')
  .meta({ description: 'a lever a strategist pulls: one name for a change the command line and the pages make alike' });

export const scenarioObjectSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'path of schema.json, for editors' }),
    extends: z.string().optional().meta({ description: 'a scenario file this one builds on (deep merge; arrays are replaced whole)' }),
    name: z.string().min(1).regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore').meta({ description: 'short name used in output folders' }),
    title: z.union([z.string(), bilingualTextSchema]).optional().meta({ description: 'a human title: one text, or {"en", "zh"} for the pages in both languages' }),
    description: z.string().optional().meta({ description: 'what the scenario is for' }),
    notes: z.record(z.string(), z.string()).optional().meta({
      description: 'where each number comes from, keyed by field path; say "assumption" where it is one',
    }),
    start: isoDate.default('2014-05-22').meta({ description: 'calendar date of day 0 (F1: the channels went live in May 2014)' }),
    days: z.int().min(1).max(20000).default(760).meta({ description: 'days simulated after day 0', unit: 'days' }),
    seed: z.int().min(0).max(MAX_SEED).default(1).meta({ description: 'default random seed (the CLI --seed overrides it)' }),
    population: z
      .strictObject({
        agents: z.int().min(1).max(500_000_000).default(100_000).meta({ description: 'number of simulated agents', unit: 'agents' }),
        represents: z.number().gt(0).default(1).meta({ description: 'real people one agent stands for (national scale = count × represents); ignored when `people` is given', unit: 'people' }),
        people: z
          .number()
          .gt(0)
          .optional()
          .meta({ description: 'real people the whole simulated population stands for; each agent then represents people / agents, so --agents keeps national figures right', unit: 'people' }),
      })
      .default({ agents: 100_000, represents: 1 })
      .meta({ description: 'size of the simulated world' }),
    tiers: z.array(tierSchema).min(1).max(4).meta({ description: 'the city tiers, 1 to 4 of them' }),
    network: networkSchema,
    channels: channelsSchema.default({
      direct: { conversion: 0.06, attention: 0.9, recipients: 3, dailyContact: 0 },
      group: { conversion: 0.01, attention: 0.15 },
      feed: { conversion: 0.015, attention: 0.3 },
      ad: { conversion: 0.01 },
      offline: { conversion: 0.08 },
      organic: { conversion: 0.3 },
    }),
    payment: z
      .strictObject({
        closedLoop: z.boolean().default(true).meta({ description: 'buying completes inside the chat app with its wallet (M8)' }),
        closedLoopFriction: probability('chance a would-be buyer drops off when paying inside the chat app').default(0.1),
        jumpFriction: probability('chance a would-be buyer drops off when they must jump to another app').default(0.4),
      })
      .default({ closedLoop: true, closedLoopFriction: 0.1, jumpFriction: 0.4 })
      .meta({ description: 'closed loop versus jump-out payment (M8, M9); friction applies to purchases that start inside a chat app: direct, group, feed and ad' }),
    reinforcement: z
      .strictObject({
        factor: nonNegative(
          'conversion multiplier per earlier social exposure: the k-th one converts factor^(k−1) times the first (1 = simple contagion, >1 complex)',
          'multiplier',
        ).default(1),
        cap: nonNegative('largest reinforcement multiplier', 'multiplier').default(10),
      })
      .default({ factor: 1, cap: 10 })
      .meta({ description: 'social reinforcement: simple versus complex contagion' }),
    threshold: z
      .strictObject({
        friends: z.int().min(1).max(65535).optional().meta({
          description: 'absolute threshold m: an agent adopts the day after m distinct friends have become customers',
          unit: 'friends',
        }),
        fraction: z.number().gt(0).max(1).optional().meta({
          description: 'fractional threshold φ: an agent with k friends adopts the day after φ·k of them (rounded up) have become customers',
          unit: 'fraction of friends',
        }),
      })
      .optional()
      .meta({
        description:
          'threshold contagion (Watts 2002; Centola & Macy 2007), off when absent: give friends or fraction. A friend counts from the day after its first purchase (and still counts if it lapses); the day the count is reached, an agent who is not a customer adopts for certain, attributed to channel direct and to the friend who completed the count (the smallest agent number among that day’s). Unlike reinforcement.factor it counts distinct friends, not exposures',
      }),
    seedCustomers: z
      .strictObject({
        agents: z.array(z.int().min(0)).optional().meta({
          description: 'agent numbers 0 … agents − 1 that are customers on day 0 (an edge list numbers agents in order of first appearance)',
        }),
        highestDegree: z.int().min(1).optional().meta({
          description: 'the k agents with the most friend ties are customers on day 0 (equal degrees: smaller agent numbers first)',
          unit: 'agents',
        }),
      })
      .optional()
      .meta({
        description:
          'a named seed set: customers on day 0 besides each tier’s initialCustomers fraction, attributed to channel organic like them (not the random seed)',
      }),
    sharing: z
      .strictObject({
        awareNonBuyers: probability('chance, relative to the agent’s sharing trait, that an agent who becomes aware without buying shares a bargain link').default(0),
        onceOnly: z.boolean().default(false).meta({ description: 'share only after the first purchase, not after repeats (independent cascade)' }),
        festivalDays: z.boolean().default(true).meta({ description: 'festival multipliers apply to sharing' }),
      })
      .default({ awareNonBuyers: 0, onceOnly: false, festivalDays: true })
      .meta({ description: 'who shares, and when' }),
    attentionNeedsActivity: z.boolean().default(true).meta({
      description: 'a social post is read only by recipients active that day (set false for pure cascade oracles)',
    }),
    lapseAfterDays: z.int().min(0).default(0).meta({ description: 'a customer with no purchase for this many days lapses until won back (0 = never)', unit: 'days' }),
    targeting: z
      .strictObject({
        mode: z.enum(['historical', 'instant']).default('historical').meta({
          description: 'historical: uses data refreshed every refreshDays from past events; instant: uses yesterday’s shares and clicks (M6)',
        }),
        refreshDays: z.int().min(1).default(30).meta({ description: 'historical mode: days between refreshes of the data', unit: 'days' }),
        fused: z.boolean().default(true).meta({ description: 'social data fused with commerce data (M5): raises the ceiling' }),
        gainSeparate: nonNegative('largest extra ad conversion from commerce data alone', 'multiplier − 1').default(1),
        gainFused: nonNegative('largest extra ad conversion from fused social + commerce data', 'multiplier − 1').default(2),
        halfSaturation: nonNegative('data events per agent per day at which half the gain is reached', 'events per agent per day').default(0.05),
      })
      .default({ mode: 'historical', refreshDays: 30, fused: true, gainSeparate: 1, gainFused: 2, halfSaturation: 0.05 })
      .meta({ description: 'how data sharpens ad targeting (M5, M6)' }),
    festivals: z.array(festivalSchema).default([]).meta({ description: 'yearly festivals (618, 11.11 …)' }),
    interventions: z.array(interventionSchema).default([]).meta({ description: 'levers pulled at dates' }),
    levers: z.array(leverSchema).optional().meta({ description: 'named levers (--lever id=value): what each moves, its range and unit' }),
  })
  .meta({ title: 'tierwave scenario', description: 'A world and a what-if for the tierwave social-commerce simulation' });

export type Scenario = z.output<typeof scenarioObjectSchema>;
export type ScenarioInput = z.input<typeof scenarioObjectSchema>;
export type Tier = z.output<typeof tierSchema>;
export type Festival = z.output<typeof festivalSchema>;
export type Intervention = z.output<typeof interventionSchema>;
export type Lever = z.output<typeof leverSchema>;
export type LeverMove = z.output<typeof leverMoveSchema>;

/** Paths (with `[]` for any index) that interventions may change: everything the daily kernel reads per day. */
export const DYNAMIC_PATH_PREFIXES = ['tiers[].', 'channels.', 'payment.', 'reinforcement.', 'sharing.', 'targeting.', 'attentionNeedsActivity'] as const;
/** Fields read once at setup: changing them mid-run would need a new population or network. */
export const SETUP_ONLY_FIELDS = [
  'tiers[].name',
  'tiers[].share',
  'tiers[].platforms',
  'tiers[].activity',
  'tiers[].susceptibility',
  'tiers[].sharing',
  'tiers[].basketYuan',
  'tiers[].meanFriends',
  'tiers[].initialCustomers',
  'channels.direct.recipients',
  'channels.direct.dailyContact',
  'lapseAfterDays',
] as const;
