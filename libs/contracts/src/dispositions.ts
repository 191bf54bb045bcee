// The field outcomes an incident closes with (issue 13 item 7): the outcomes Korean crisis-response reporting
// counts. Codes are stable (stored on the incident); labels are for screens and exports.
export const DISPOSITIONS = [
  { code: 'emergency-admission', label: 'Emergency admission', labelKo: '응급입원' },
  {
    code: 'other-admission',
    label: 'Other admission (voluntary, consent, guardian or administrative)',
    labelKo: '기타 입원 (자의·동의·보호의무자·행정입원)',
  },
  { code: 'stabilised-guardian', label: 'Stabilised and handed to a guardian', labelKo: '안정화 후 보호자 인계' },
  { code: 'stabilised-on-scene', label: 'Stabilised on scene', labelKo: '현장 안정화' },
  {
    code: 'community-referral',
    label: 'Referred to the community mental health centre',
    labelKo: '정신건강복지센터 연계',
  },
  { code: 'police-custody', label: 'Police custody', labelKo: '경찰 인계' },
  { code: 'no-contact', label: 'No contact with the person', labelKo: '대상자 미접촉' },
] as const;

export type DispositionCode = (typeof DISPOSITIONS)[number]['code'];
export const DISPOSITION_CODES = DISPOSITIONS.map((d) => d.code) as unknown as readonly [
  DispositionCode,
  ...DispositionCode[],
];

export interface DispositionView {
  code: DispositionCode;
  label: string;
  labelKo: string;
}
