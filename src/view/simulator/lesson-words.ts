// The lesson panel's own words and the names of the measures, in both lesson languages, so the
// panel switches language with the lesson text.
import type { LessonLanguage, LessonMeasure } from '../../experiments/lesson-schema.ts';

export const LESSON_WORDS = {
  en: {
    lesson: 'Lesson',
    chapter: (n: number, of: number) => `Chapter ${n} of ${of}`,
    switchTo: '中文',
    switchLabel: 'Show the lesson in Chinese',
    close: 'Close the lesson',
    prediction: 'Your prediction',
    commit: 'Commit prediction (Enter)',
    committed: 'Prediction committed',
    run: 'Run the chapter',
    running: 'Running…',
    reveal: 'Reveal (R)',
    previous: '← Previous (B)',
    next: 'Next (N) →',
    commitFirst: 'Commit a prediction first: the run starts after the class has decided.',
    predicted: 'The class predicted',
    result: 'The run',
    measured: 'Measured: ',
    inside: 'The result falls in the chosen answer.',
    outside: (label: string) => `The result falls in “${label}”.`,
    none: 'The result falls in none of the answers.',
  },
  zh: {
    lesson: '课程',
    chapter: (n: number, of: number) => `第 ${n} 章，共 ${of} 章`,
    switchTo: 'English',
    switchLabel: '用英文显示课程',
    close: '关闭课程',
    prediction: '你的预测',
    commit: '确定预测（Enter）',
    committed: '预测已确定',
    run: '运行本章',
    running: '运行中…',
    reveal: '揭晓（R）',
    previous: '← 上一章（B）',
    next: '下一章（N）→',
    commitFirst: '请先确定预测：全班决定之后才开始运行。',
    predicted: '全班的预测',
    result: '运行结果',
    measured: '测量：',
    inside: '结果落在所选的答案里。',
    outside: (label: string) => `结果落在“${label}”里。`,
    none: '结果不在任何一个答案里。',
  },
} as const;

const TIER_NAMES = { en: (t: number) => `tier ${t + 1}`, zh: (t: number) => `${['一', '二', '三', '四', '五', '六'][t] ?? t + 1}线` };

/** What a measure counts, in words, e.g. "tier-4 customers told by a friend in tier 1". */
export function measureName(measure: LessonMeasure, language: LessonLanguage): string {
  const tier = TIER_NAMES[language];
  const zh = language === 'zh';
  const whom = (t: number | undefined) => (t === undefined ? (zh ? '全部' : 'all tiers') : tier(t));
  switch (measure.kind) {
    case 'customers':
      return zh ? `${measure.date} 时${whom(measure.tier)}的顾客人数` : `customers (${whom(measure.tier)}) by ${measure.date}`;
    case 'customer-share':
      return zh ? `${measure.date} 时${whom(measure.tier)}已下单的比例` : `share of ${whom(measure.tier)} who had bought by ${measure.date}`;
    case 'social-share':
      return zh ? `${measure.from} 至 ${measure.to} ${whom(measure.tier)}新买家中来自朋友的比例` : `share of new buyers (${whom(measure.tier)}) from ${measure.from} to ${measure.to} who came through a friend`;
    case 'told-by-tier':
      return zh ? `${tier(measure.tier)}顾客中由${tier(measure.sourceTier)}朋友告知的比例` : `share of ${tier(measure.tier)} customers told by a friend in ${tier(measure.sourceTier)}`;
  }
}
