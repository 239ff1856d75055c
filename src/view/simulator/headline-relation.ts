// How each headline figure relates to the article's (seed/DIGEST.md F2–F8): what the model counts,
// what the article counted, and whether the scenario was calibrated to it — said in the page, so a
// model figure beside an article figure is never read as the same measure.
import type { HeadlineKey } from '../../engine/headline.ts';
import type { PageLanguage } from './lever-panel.ts';

type Relation = (people: string) => string;

export const RELATION_WORDS: Record<PageLanguage, { summary: string } & Record<HeadlineKey, Relation>> = {
  en: {
    summary: 'beside the article',
    social_share_of_new_buyers_2015_11_11: () =>
      'Model: of the agents buying for the first time on 11.11 2015, the share whose purchase came from a friend’s link, a group post or a Moments / QZone post. Article (F3): 52 % of JD’s new ordering users that day came through the WeChat / mobile-QQ shopping entry, which counts every visitor, through a friend or not. The scenario was calibrated by hand to this figure.',
    social_gmv_growth_q1_2016: () =>
      'Model: spending of the customers first won through friends, January–March 2016 over January–March 2015, minus 1. Article (F5): GMV through WeChat / mobile-QQ shopping grew 174 % year on year in Q1 2016, all of that channel’s GMV. The scenario was calibrated by hand to this figure.',
    customer_share_tiers_3_4: () =>
      'Model: customers living in tier-3 and tier-4 cities, as a share of all customers. The article gives no such figure; its nearest, 69 % of mobile-QQ users living in tier-3 and tier-4 cities (F6), is an input of the scenario (who is on which app), not a result.',
    interactions_national: (people) =>
      `Model: every link read, purchase and share by the agents over the first two years, each agent standing for ${people} people. Article (F2): 806 million “participations” (人次) in two years, most likely visits to the shopping entry, a narrower count the model does not separate. The two count different things; this figure was not calibrated.`,
    peak_day_data_events_national: (people) =>
      `Model: links read, purchases and shares on the busiest day so far, each agent standing for ${people} people. Article (F8): JD’s “instant data” reaches hundreds of millions of events a day on 618 and 11.11: an order of magnitude, not a figure to match.`,
  },
  zh: {
    summary: '与原文的关系',
    social_share_of_new_buyers_2015_11_11: () =>
      '模型：2015 年双十一当天首次购买的代理人中，因好友链接、群消息或朋友圈／QQ 空间动态而购买的比例。原文（F3）：当天京东 52% 的新下单用户来自微信／手机 QQ 购物入口，该入口统计所有访客，不论是否经由好友。本情景按此数字手工校准。',
    social_gmv_growth_q1_2016: () =>
      '模型：首次购买经由好友的顾客的消费额，2016 年 1–3 月相对 2015 年 1–3 月之比减 1。原文（F5）：2016 年第一季度经微信／手机 QQ 购物的 GMV 同比增长 174%，即该渠道的全部 GMV。本情景按此数字手工校准。',
    customer_share_tiers_3_4: () =>
      '模型：三、四线城市的顾客占全部顾客的比例。原文没有这个数字；最接近的是“手机 QQ 用户 69% 在三四线城市”（F6），它是情景的输入（谁在用哪个应用），不是结果。',
    interactions_national: (people) =>
      `模型：前两年内代理人的每次阅读链接、购买和分享，每个代理人代表 ${people} 人。原文（F2）：两年 8 亿 600 万人次参与，很可能是访问购物入口的人次，口径更窄，模型不单独区分。两者统计的不是同一件事；此项未作校准。`,
    peak_day_data_events_national: (people) =>
      `模型：迄今最繁忙一天的阅读链接、购买和分享，每个代理人代表 ${people} 人。原文（F8）：618 和双十一京东的“即时数据”每天达数亿条：这是数量级，而非要吻合的数字。`,
  },
};

/** A note under the figure's name, open to read without hovering: `details` with a short summary. */
export function relationNote(language: PageLanguage, key: HeadlineKey): HTMLDetailsElement {
  const details = document.createElement('details');
  details.className = 'relation';
  details.dataset.relation = key;
  const summary = document.createElement('summary');
  summary.textContent = RELATION_WORDS[language].summary;
  details.append(summary, document.createElement('p'));
  return details;
}

/** Fills the note for this world: national figures name how many people one agent stands for. */
export function fillRelation(details: HTMLDetailsElement, language: PageLanguage, key: HeadlineKey, representedPeople: number): void {
  const people = new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(representedPeople);
  details.querySelector('p')!.textContent = RELATION_WORDS[language][key](people);
}
