import type { Category, ResponseTimes } from '#contracts';
import { DEFAULT_RESPONSE_TIMES } from './response-times.js';

// What the counselor says and does once a category is confirmed, in the two languages the console serves.
// Times come from the configured response times, so the words never promise a deadline the centre does not use.

export interface LocalizedText {
  en: string;
  ko: string;
}

export interface CallerGuidance {
  category: Category;
  /** Words to say to the caller. */
  tellCaller: LocalizedText;
  /** What the counselor does now. */
  doNow: LocalizedText;
}

type GuidanceText = (within: LocalizedText) => Omit<CallerGuidance, 'category'>;

const GUIDANCE: Record<Category, GuidanceText> = {
  A: () => ({
    tellCaller: {
      en: 'Please stay on the line with me. Emergency services are on their way.',
      ko: '전화를 끊지 말고 저와 계속 통화해 주세요. 지금 응급 구조대가 가고 있습니다.',
    },
    doNow: {
      en: 'Keep the caller on the line; emergency services are being sent. Do not end the call or leave the caller alone.',
      ko: '통화를 계속 유지하세요. 응급 서비스가 출동 중입니다. 먼저 전화를 끊거나 전화한 분을 혼자 두지 마세요.',
    },
  }),
  B: (within) => ({
    tellCaller: {
      en: `A crisis team will come to see you ${within.en}. Until then, please stay somewhere safe and keep away from anything you could use to hurt yourself or others.`,
      ko: `위기대응팀이 ${within.ko} 직접 찾아뵙겠습니다. 그때까지 안전한 곳에 머무르시고, 자신이나 다른 사람을 해칠 수 있는 물건은 멀리 두세요.`,
    },
    doNow: {
      en: `Very urgent: send a crisis team face to face ${within.en}. Make a safety plan with the caller, remove means where possible, and stay in contact until the team arrives.`,
      ko: `매우 긴급: ${within.ko} 위기대응팀을 대면 출동시키세요. 전화한 분과 안전계획을 세우고, 가능하면 위험 수단을 치우도록 하며, 팀이 도착할 때까지 연락을 유지하세요.`,
    },
  }),
  C: (within) => ({
    tellCaller: {
      en: `A crisis worker will see you ${within.en}. If things get worse before then, call us back straight away.`,
      ko: `위기상담 요원이 ${within.ko} 찾아뵙겠습니다. 그 전에 상황이 나빠지면 바로 다시 전화해 주세요.`,
    },
    doNow: {
      en: `Urgent: arrange a face-to-face response ${within.en}. Agree a safety plan and who the caller can reach in the meantime.`,
      ko: `긴급: ${within.ko} 대면 대응을 배정하세요. 안전계획과 그동안 연락할 수 있는 사람을 전화한 분과 함께 정하세요.`,
    },
  }),
  D: (within) => ({
    tellCaller: {
      en: `We will arrange to see you ${within.en}. If anything changes, call us back at any time.`,
      ko: `${within.ko} 만나 뵐 수 있도록 일정을 잡겠습니다. 상황이 바뀌면 언제든 다시 전화해 주세요.`,
    },
    doNow: {
      en: `Semi-urgent: book a face-to-face appointment ${within.en} and make sure the caller knows how to reach the crisis line.`,
      ko: `준긴급: ${within.ko} 대면 상담 일정을 잡고, 전화한 분이 위기상담 전화로 연락하는 방법을 알고 있는지 확인하세요.`,
    },
  }),
  E: (within) => ({
    tellCaller: {
      en: `We will arrange an appointment for you ${within.en}. Please call us back if things get worse.`,
      ko: `${within.ko} 상담 약속을 잡아 드리겠습니다. 상황이 나빠지면 다시 전화해 주세요.`,
    },
    doNow: {
      en: `Non-urgent: schedule a routine appointment ${within.en} and explain how to call back if things change.`,
      ko: `비긴급: ${within.ko} 일반 상담 일정을 잡고, 상황이 바뀌면 다시 연락하는 방법을 안내하세요.`,
    },
  }),
  F: () => ({
    tellCaller: {
      en: 'Another service is best placed to help you. I will give you their details and can put you through.',
      ko: '더 잘 도와드릴 수 있는 기관을 안내해 드리고, 원하시면 바로 연결해 드리겠습니다.',
    },
    doNow: {
      en: 'Referral: give the details of the right service and offer a warm transfer; no face-to-face crisis response is needed.',
      ko: '연계: 적합한 기관의 정보를 안내하고 직접 연결을 제안하세요. 대면 위기 대응은 필요하지 않습니다.',
    },
  }),
  G: () => ({
    tellCaller: {
      en: 'Thank you for calling. You can call us again any time, day or night.',
      ko: '전화 주셔서 감사합니다. 밤낮 언제든 다시 전화하셔도 됩니다.',
    },
    doNow: {
      en: 'Advice or information only: answer the question and remind the caller the line is open 24 hours.',
      ko: '정보 제공·상담: 질문에 답하고 24시간 언제든 상담할 수 있다는 점을 안내하세요.',
    },
  }),
};

// What to say when the caller is not the person at risk (a family member, a friend, the police): they are told
// what help comes to the person and what they can safely do, never "keep away from anything you could use to
// hurt yourself". F and G speak to the caller's own need, so they are the same for everyone.
const THIRD_PARTY_TELL: Partial<Record<Category, (within: LocalizedText) => LocalizedText>> = {
  A: () => ({
    en: 'Please stay on the line with me. Emergency services are on their way. Stay with them if it is safe for you.',
    ko: '전화를 끊지 말고 저와 계속 통화해 주세요. 지금 응급 구조대가 가고 있습니다. 안전하다면 그분 곁에 있어 주세요.',
  }),
  B: (within) => ({
    en: `A crisis team will come to see them ${within.en}. Until then, if it is safe for you, stay with them and put anything they could use to hurt themselves or others out of their reach.`,
    ko: `위기대응팀이 ${within.ko} 그분을 직접 찾아뵙겠습니다. 그때까지 안전하다면 그분 곁에 있어 주시고, 자신이나 다른 사람을 해칠 수 있는 물건은 손이 닿지 않는 곳으로 치워 주세요.`,
  }),
  C: (within) => ({
    en: `A crisis worker will see them ${within.en}. If things get worse before then, call us back straight away.`,
    ko: `위기상담 요원이 ${within.ko} 그분을 찾아뵙겠습니다. 그 전에 상황이 나빠지면 바로 다시 전화해 주세요.`,
  }),
  D: (within) => ({
    en: `We will arrange to see them ${within.en}. If anything changes, call us back at any time.`,
    ko: `${within.ko} 그분을 만나 뵐 수 있도록 일정을 잡겠습니다. 상황이 바뀌면 언제든 다시 전화해 주세요.`,
  }),
  E: (within) => ({
    en: `We will arrange an appointment for them ${within.en}. Please call us back if things get worse.`,
    ko: `${within.ko} 그분의 상담 약속을 잡아 드리겠습니다. 상황이 나빠지면 다시 전화해 주세요.`,
  }),
};

/** Whether the caller speaks about someone else: any relation given other than the person themself. */
export function callerIsThirdParty(callerRelation: string | null | undefined): boolean {
  const relation = callerRelation?.trim().toLowerCase() ?? '';
  return relation !== '' && !['self', 'me', 'myself', 'client', '본인', '당사자', '내담자'].includes(relation);
}

/**
 * Short lines for the console: what to tell the caller and what to do now, in English and Korean. `thirdParty`
 * (see `callerIsThirdParty`) addresses a caller who is calling about someone else.
 */
export function callerGuidance(
  category: Category,
  responseTimes: Readonly<ResponseTimes> = DEFAULT_RESPONSE_TIMES,
  thirdParty = false,
): CallerGuidance {
  const within = withinPhrase(responseTimes[category]);
  const guidance: CallerGuidance = { category, ...GUIDANCE[category](within) };
  const forThirdParty = thirdParty ? THIRD_PARTY_TELL[category] : undefined;
  return forThirdParty ? { ...guidance, tellCaller: forThirdParty(within) } : guidance;
}

/** "within 2 hours" / "2시간 이내에"; weeks and hours when the minutes divide evenly, so 4320 reads "72 hours". */
export function withinPhrase(minutes: number | null): LocalizedText {
  if (minutes === null) return { en: 'as soon as we can', ko: '가능한 한 빨리' };
  if (minutes === 0) return { en: 'right away', ko: '즉시' };
  const [count, unit, unitKo] =
    minutes % 10080 === 0
      ? [minutes / 10080, 'week', '주']
      : minutes % 60 === 0
        ? [minutes / 60, 'hour', '시간']
        : [minutes, 'minute', '분'];
  return { en: `within ${count} ${unit}${count === 1 ? '' : 's'}`, ko: `${count}${unitKo} 이내에` };
}
