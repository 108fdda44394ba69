import type { LanguageCues } from './types.js';

/**
 * Vietnamese cues. Every relation cue carries the sentence it was written from (the invented
 * report test/fixtures/draft/mekong-water-vi.txt). Vietnamese puts a title before the name
 * without a comma ("Thứ trưởng Bộ Ngoại giao Nguyễn Quốc Dũng"), an ordinal after the head
 * ("Hội nghị lần thứ hai"), and marks no definite article: a bare head refers back.
 */
export const VIETNAMESE: LanguageCues = {
  relations: [
    {
      id: 'vi.chaired.do-chu-tri',
      type: 'CHAIRED',
      pattern: '{to:M}…do ~{from:A} chủ trì',
      confidence: 0.85,
      example: 'Hội nghị do Thứ trưởng Bộ Ngoại giao Nguyễn Quốc Dũng chủ trì.',
    },
    {
      id: 'vi.participated.tham-du',
      type: 'PARTICIPATED_IN',
      pattern: '{from:A}…(?:đã |sẽ )?(?:tham dự|tham gia) ~{to:M}',
      role: 'participant',
      confidence: 0.85,
      example: 'Tổng Thư ký Liên Hợp Quốc António Guterres đã tham dự hội nghị.',
    },
    {
      id: 'vi.held-in.khai-mac-tai',
      type: 'HELD_IN',
      pattern: '{from:M}…(?:đã |sẽ )?(?:khai mạc|diễn ra|được tổ chức|bế mạc) tại {to:L}',
      confidence: 0.9,
      example:
        'Hội nghị lần thứ hai về hợp tác nguồn nước Mê Công đã khai mạc tại Viêng Chăn ngày 12/3.',
    },
    {
      id: 'vi.proposed.de-xuat',
      type: 'PROPOSED',
      pattern: '{from:A} (?:đã )?(?:đề xuất|kêu gọi|đề nghị)[^.;⟦]{0,40}?{to:T}',
      confidence: 0.8,
      example: 'Thứ trưởng Nguyễn Quốc Dũng đề xuất thành lập quỹ khu vực về phòng chống lũ lụt.',
    },
    {
      id: 'vi.cooperated.san-sang-hop-tac',
      type: 'COOPERATED_WITH',
      pattern: '{from:O} (?:sẵn sàng|cam kết) hợp tác (?:chặt chẽ )?với {to:O}',
      role: 'pledged',
      confidence: 0.8,
      example: 'Liên Hợp Quốc sẵn sàng hợp tác chặt chẽ với ASEAN.',
    },
  ],
  titles: [
    { pattern: 'trợ lý tổng thư ký', title: 'Assistant Secretary-General' },
    { pattern: 'phó tổng thư ký', title: 'Deputy Secretary-General' },
    { pattern: 'tổng thư ký', title: 'Secretary-General' },
    { pattern: 'thủ tướng', title: 'Prime Minister' },
    {
      pattern: 'thứ trưởng bộ ngoại giao|thứ trưởng ngoại giao',
      title: 'Deputy Minister of Foreign Affairs',
      ministry: { en: 'Ministry of Foreign Affairs', local: 'Bộ Ngoại giao' },
    },
    {
      pattern: 'bộ trưởng bộ ngoại giao|bộ trưởng ngoại giao',
      title: 'Minister of Foreign Affairs',
      ministry: { en: 'Ministry of Foreign Affairs', local: 'Bộ Ngoại giao' },
    },
    { pattern: 'chủ tịch nước', title: 'President' },
    { pattern: 'đại sứ', title: 'Ambassador' },
    { pattern: 'thứ trưởng', title: 'Deputy Minister' },
    { pattern: 'bộ trưởng', title: 'Minister' },
  ],
  meetingHeads: [
    { pattern: 'phiên thảo luận (?:mở )?cấp cao', kind: 'high_level_debate' },
    { pattern: 'phiên thảo luận', kind: 'debate' },
    { pattern: 'hội nghị thượng đỉnh|hội nghị|diễn đàn', kind: 'conference' },
    { pattern: 'phiên họp', kind: 'meeting' },
    { pattern: 'đối thoại', kind: 'dialogue' },
    { pattern: 'hội thảo', kind: 'workshop' },
    { pattern: 'đại hội', kind: 'congress' },
  ],
  eventWords: 'sự kiện',
  definite: 'các',
  indefinite: 'một',
  ordinals: {},
  demonyms: {},
  complementStop:
    ',|\\n|\\.|;|\\(|«|“|\\s(?:đã |sẽ |do |tại |vào |ngày |khai mạc|diễn ra|được |là )',
  themes: [
    'với chủ đề [“"«]\\s*([^”"»]+?)\\s*[”"»]',
    '(?:đề xuất|kêu gọi|đề nghị) ((?:thành lập|thiết lập|tăng cường|xây dựng) [^,.;]+?)(?=[,.;]|$)',
  ],
  organizationHeads:
    'Bộ|Viện|Ủy ban|Hội đồng|Tổ chức|Hiệp hội|Quỹ|Chương trình|Liên minh|Đảng|Ngân hàng|Văn phòng|Trung tâm',
  place:
    '(?:khai mạc|diễn ra|được tổ chức|bế mạc|họp) tại (\\p{Lu}[\\p{L}-]*(?: \\p{Lu}[\\p{L}-]*){0,2})',
  organizer: '(?:tổ chức|đăng cai) bởi (\\p{Lu}[\\p{L}-]*(?: \\p{Lu}[\\p{L}-]*){0,4})(?=[,.;]|\\s)',
  delegation: 'trưởng (?<phrase>đoàn (?<demonym>\\p{Ll}+) (?:dự|tại) )',
  since: 'kể từ|từ sau',
  coordination: 'và|cùng',
  coordinatedDeterminers: 'các|với',
  connectorWords: ['của', 'và', 'về', 'tại', 'các', 'những', 'với', 'cho'],
};
